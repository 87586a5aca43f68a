package dev.scvcdk.lambdas.common.snapstart;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A minimal HTTP/1.1 responder on 127.0.0.1, inside the function's own process, that answers priming requests
 * with canned documents: priming runs the real HTTP client, signer and parsers end to end — connection reuse
 * included — while no request leaves the process. Closing it closes every connection, and the function's HTTP
 * clients are replaced before a SnapStart snapshot, so no connection to it survives priming.
 */
public final class LoopbackResponder implements AutoCloseable {

    /** A request as received; header names are lower case. */
    public record Request(String method, String path, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** A canned answer: a JSON document, or bytes of another content type. */
    public record Response(int status, String body, String contentType, byte[] bytes) {
        public Response(int status, String body) {
            this(status, body, "application/json", null);
        }

        public static Response json(int status, String body) {
            return new Response(status, body);
        }

        /** A binary answer, such as a media stream. */
        public static Response binary(int status, String contentType, byte[] bytes) {
            return new Response(status, "", contentType, bytes.clone());
        }

        byte[] payload() {
            return bytes != null ? bytes.clone() : body.getBytes(StandardCharsets.UTF_8);
        }
    }

    private static final int MAX_HEADER_BYTES = 64 * 1024;

    private final ServerSocket server;
    private final Function<Request, Response> answers;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger served = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private final Thread acceptor;

    private LoopbackResponder(Function<Request, Response> answers) throws IOException {
        this.answers = Objects.requireNonNull(answers, "answers");
        this.server = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptLoop, "priming-loopback");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Starts a responder answering every request with {@code answers}. */
    public static LoopbackResponder start(Function<Request, Response> answers) {
        try {
            return new LoopbackResponder(answers);
        } catch (IOException e) {
            throw new IllegalStateException("cannot open a loopback port for priming", e);
        }
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** How many requests were answered. */
    public int served() {
        return served.get();
    }

    /** How many connections clients opened. */
    public int connections() {
        return accepted.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                accepted.incrementAndGet();
                open.add(socket);
                Thread worker = new Thread(() -> serve(socket), "priming-loopback-connection");
                worker.setDaemon(true);
                worker.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        try {
            socket.setTcpNoDelay(true);
        } catch (IOException e) {
            // the connection is already gone; reading it fails below
        }
        try (socket; InputStream in = new BufferedInputStream(socket.getInputStream());
             OutputStream out = socket.getOutputStream()) {
            // Keep-alive: answer requests on this connection until the client closes it.
            for (Request request = read(in, out); request != null; request = read(in, out)) {
                answer(request, out);
            }
        } catch (IOException e) {
            // The client went away; priming goes on without this answer.
        } finally {
            open.remove(socket);
        }
    }

    private void answer(Request request, OutputStream out) throws IOException {
        Response response;
        try {
            response = answers.apply(request);
        } catch (RuntimeException e) {
            response = Response.json(500, "{\"message\":\"priming responder failed\"}");
        }
        byte[] body = response.payload();
        String head = "HTTP/1.1 " + response.status() + " Priming\r\n"
                + "Content-Type: " + response.contentType() + "\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n";
        // One write: head and body in separate segments would wait on the client's delayed ACK.
        ByteArrayOutputStream answer = new ByteArrayOutputStream(head.length() + body.length);
        answer.write(head.getBytes(StandardCharsets.US_ASCII));
        answer.write(body);
        // Counted before the write: a client holding the answer must already see it counted.
        served.incrementAndGet();
        out.write(answer.toByteArray());
        out.flush();
    }

    /**
     * The next request on the connection, or {@code null} when the client closed it. A client that expects
     * {@code 100 Continue} (the S3 client's uploads) is told to go on before its body is read.
     */
    private static Request read(InputStream in, OutputStream out) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0 && head.size() == 0) {
                return null;
            }
            if (b < 0 || head.size() > MAX_HEADER_BYTES) {
                throw new IOException("incomplete request head");
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        String[] requestLine = lines[0].split(" ");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
        }
        if ("100-continue".equalsIgnoreCase(headers.get("expect"))) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        byte[] body = in.readNBytes(length);
        return new Request(requestLine[0], requestLine.length > 1 ? requestLine[1] : "/", headers,
                new String(body, StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // already closed
        }
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (IOException e) {
                // already closed
            }
        }
        try {
            acceptor.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
