package dev.scvcdk.lambdas.restapi.salesforce;

/**
 * One file part of a multipart/form-data upload.
 *
 * @param name        the form field name
 * @param fileName    the file name Salesforce sees
 * @param contentType the part's media type
 * @param content     the part's text, sent as UTF-8
 */
public record MultipartFile(String name, String fileName, String contentType, String content) {
}
