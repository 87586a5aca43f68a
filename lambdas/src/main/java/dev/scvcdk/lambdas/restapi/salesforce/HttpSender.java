package dev.scvcdk.lambdas.restapi.salesforce;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Sends one HTTP request and returns the response with a text body. */
@FunctionalInterface
public interface HttpSender {

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException;
}
