package dev.scvcdk.lambdas.ctrsync;

/**
 * One record of a Kinesis event.
 *
 * @param sequenceNumber the record's sequence number: the item identifier of a partial batch failure
 * @param data           the base64 data as delivered
 */
public record KinesisRecord(String sequenceNumber, String data) {
}
