package dev.scvcdk.lambdas.testsupport;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.Http2DataFrame;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.util.ReferenceCountUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.eventstream.HeaderValue;
import software.amazon.awssdk.eventstream.Message;
import software.amazon.awssdk.eventstream.MessageDecoder;

/**
 * A local stand-in for Amazon Transcribe streaming on 127.0.0.1: HTTP/2 cleartext by prior knowledge (as the SDK's
 * Netty client speaks it to an {@code http://} endpoint) and AWS event-stream framing both ways.
 *
 * <p>It records each session's path and request headers, and every audio frame: the outer signed message must carry
 * {@code :date} and {@code :chunk-signature}, and wrap an {@code AudioEvent} message; an empty outer payload ends the
 * audio. It "recognises" fake audio — frames whose bytes are UTF-8 text, padded with spaces — and answers each frame
 * as it arrives, with times from the audio's byte offset (16000 bytes a second):
 * <ul>
 *   <li>{@code text} → a TranscriptEvent with a partial result (the first word), then one with the final result;</li>
 *   <li>{@code a|b} → one TranscriptEvent holding two final results;</li>
 *   <li>{@code EMPTY} → a final result with an empty transcript; {@code SILENCE} → an event without results;</li>
 *   <li>{@code HELD:text} → a partial result now, the final one when the next frame (or the end) arrives — unless
 *       that frame fails the session: an utterance cut off by a failure;</li>
 *   <li>{@code FAIL:<ExceptionType>} → an exception message of that type, and the response ends;
 *       {@code FAIL-ONCE:<ExceptionType>} does that the first time the stand-in sees it, and is silence after.</li>
 * </ul>
 * After the end frame and the client's end of stream it ends the response, which ends the session normally.
 */
public final class TranscribeStreamingStub implements AutoCloseable {
    public static final int BYTES_PER_SECOND = 16_000;

    /** One final result the stand-in sent. */
    public record Final(String resultId, String transcript, double startTime, double endTime) {
    }

    /** One session as the stand-in saw it. */
    public static final class Session {
        private final int number;
        private final String path;
        private final Map<String, String> headers;
        private final List<String> frames = Collections.synchronizedList(new ArrayList<>());
        private final List<Final> finals = Collections.synchronizedList(new ArrayList<>());
        private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
        private volatile boolean endFrame;
        private long offset;
        private int results;

        Session(int number, String path, Map<String, String> headers) {
            this.number = number;
            this.path = path;
            this.headers = headers;
        }

        public String path() {
            return path;
        }

        /** Request headers, lower-case names (pseudo-headers left out). */
        public Map<String, String> headers() {
            return headers;
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        /** The audio frames received, as their trimmed text. */
        public List<String> frames() {
            synchronized (frames) {
                return List.copyOf(frames);
            }
        }

        public List<Final> finals() {
            synchronized (finals) {
                return List.copyOf(finals);
            }
        }

        /** Framing or signing faults found in this session. */
        public List<String> problems() {
            synchronized (problems) {
                return List.copyOf(problems);
            }
        }

        /** Whether the signed empty frame that ends the audio arrived. */
        public boolean endFrameReceived() {
            return endFrame;
        }
    }

    private final EventLoopGroup group = new NioEventLoopGroup(2);
    private final Channel server;
    private final AtomicInteger sessionNumbers = new AtomicInteger();
    private final List<Session> sessions = Collections.synchronizedList(new ArrayList<>());
    private final java.util.Set<String> failedOnce = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public TranscribeStreamingStub() throws InterruptedException {
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(Http2FrameCodecBuilder.forServer().build(),
                                new Http2MultiplexHandler(new ChannelInitializer<Http2StreamChannel>() {
                                    @Override
                                    protected void initChannel(Http2StreamChannel stream) {
                                        stream.pipeline().addLast(new StreamHandler());
                                    }
                                }));
                    }
                })
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sync().channel();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + ((InetSocketAddress) server.localAddress()).getPort();
    }

    public List<Session> sessions() {
        synchronized (sessions) {
            return List.copyOf(sessions);
        }
    }

    /** A fake audio frame: {@code text} padded with spaces to {@code bytes}. */
    public static byte[] frame(String text, int bytes) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        if (utf8.length > bytes) {
            throw new IllegalArgumentException("'" + text + "' does not fit in " + bytes + " bytes");
        }
        byte[] frame = new byte[bytes];
        java.util.Arrays.fill(frame, (byte) ' ');
        System.arraycopy(utf8, 0, frame, 0, utf8.length);
        return frame;
    }

    private final class StreamHandler extends ChannelInboundHandlerAdapter {
        private Session session;
        private boolean ended;
        /** The final result of a {@code HELD:} frame, sent when the next frame arrives. */
        private String held;
        private final MessageDecoder decoder = new MessageDecoder();

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            try {
                if (msg instanceof Http2HeadersFrame headersFrame) {
                    Map<String, String> headers = new LinkedHashMap<>();
                    headersFrame.headers().forEach(entry -> {
                        String name = entry.getKey().toString().toLowerCase(Locale.ROOT);
                        if (!name.startsWith(":")) {
                            headers.put(name, entry.getValue().toString());
                        }
                    });
                    session = new Session(sessionNumbers.incrementAndGet(),
                            String.valueOf(headersFrame.headers().path()), Map.copyOf(headers));
                    checkRequest(session);
                    sessions.add(session);
                    ctx.writeAndFlush(new DefaultHttp2HeadersFrame(new DefaultHttp2Headers().status("200")
                            .add("content-type", "application/vnd.amazon.eventstream")
                            .add("x-amzn-request-id", "stub-" + session.number)));
                } else if (msg instanceof Http2DataFrame data) {
                    if (session == null || ended) {
                        return;
                    }
                    decoder.feed(ByteBufUtil.getBytes(data.content()));
                    for (Message outer : decoder.getDecodedMessages()) {
                        if (!ended) {
                            audioMessage(ctx, outer);
                        }
                    }
                    if (data.isEndStream() && !ended) {
                        if (held != null) {
                            send(ctx, transcriptEvent(List.of(held)));
                        }
                        if (!session.endFrame) {
                            session.problems.add("the request ended without the empty end frame");
                        }
                        end(ctx);
                    }
                }
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }

        private void checkRequest(Session session) {
            String authorization = String.valueOf(session.header("authorization"));
            if (!authorization.startsWith("AWS4-HMAC-SHA256 Credential=")
                    || !authorization.contains("/transcribe/aws4_request")) {
                session.problems.add("authorization is " + authorization);
            }
            if (!"STREAMING-AWS4-HMAC-SHA256-EVENTS".equals(session.header("x-amz-content-sha256"))) {
                session.problems.add("x-amz-content-sha256 is " + session.header("x-amz-content-sha256"));
            }
        }

        private void audioMessage(ChannelHandlerContext ctx, Message outer) {
            Map<String, HeaderValue> headers = outer.getHeaders();
            if (!headers.containsKey(":date") || !headers.containsKey(":chunk-signature")) {
                session.problems.add("an audio frame without :date or :chunk-signature: " + headers.keySet());
            }
            if (outer.getPayload().length == 0) {
                session.endFrame = true;
                return;
            }
            Message inner = Message.decode(java.nio.ByteBuffer.wrap(outer.getPayload()));
            HeaderValue eventType = inner.getHeaders().get(":event-type");
            if (eventType == null || !"AudioEvent".equals(eventType.getString())) {
                session.problems.add("an inner message that is not an AudioEvent: " + inner.getHeaders());
                return;
            }
            byte[] audio = inner.getPayload();
            String text = new String(audio, StandardCharsets.UTF_8).trim();
            session.frames.add(text);
            double start = (double) session.offset / BYTES_PER_SECOND;
            session.offset += audio.length;
            double end = (double) session.offset / BYTES_PER_SECOND;
            boolean failing = text.startsWith("FAIL:")
                    || text.startsWith("FAIL-ONCE:") && failedOnce.add(text);
            if (held != null && !failing) {
                send(ctx, transcriptEvent(List.of(held)));
            }
            held = null;
            if (failing) {
                send(ctx, exception(text.substring(text.indexOf(':') + 1), "stand-in failure for '" + text + "'"));
                end(ctx);
            } else if (text.startsWith("FAIL-ONCE:")) {
                send(ctx, transcriptEvent(List.of()));
            } else if (text.startsWith("HELD:")) {
                String utterance = text.substring("HELD:".length());
                String id = nextId();
                send(ctx, transcriptEvent(List.of(result(id, utterance.split(" ")[0], start, end, true))));
                session.finals.add(new Final(id, utterance, start, end));
                held = result(id, utterance, start, end, false);
            } else if (text.equals("SILENCE")) {
                send(ctx, transcriptEvent(List.of()));
            } else if (text.equals("EMPTY")) {
                send(ctx, transcriptEvent(List.of(result(nextId(), "", start, end, false))));
            } else if (text.contains("|")) {
                String[] parts = text.split("\\|");
                List<String> results = new ArrayList<>();
                double step = (end - start) / parts.length;
                for (int i = 0; i < parts.length; i++) {
                    results.add(finalResult(parts[i], start + i * step, start + (i + 1) * step));
                }
                send(ctx, transcriptEvent(results));
            } else {
                String id = nextId();
                send(ctx, transcriptEvent(List.of(result(id, text.split(" ")[0], start, end, true))));
                session.finals.add(new Final(id, text, start, end));
                send(ctx, transcriptEvent(List.of(result(id, text, start, end, false))));
            }
        }

        private String finalResult(String text, double start, double end) {
            String id = nextId();
            session.finals.add(new Final(id, text, start, end));
            return result(id, text, start, end, false);
        }

        private String nextId() {
            return "stub-" + session.number + "-result-" + (++session.results);
        }

        private void end(ChannelHandlerContext ctx) {
            ended = true;
            ctx.writeAndFlush(new DefaultHttp2DataFrame(Unpooled.EMPTY_BUFFER, true));
        }

        private void send(ChannelHandlerContext ctx, Message message) {
            byte[] bytes = new byte[message.toByteBuffer().remaining()];
            message.toByteBuffer().get(bytes);
            ctx.writeAndFlush(new DefaultHttp2DataFrame(Unpooled.wrappedBuffer(bytes), false));
        }
    }

    private static String result(String id, String transcript, double start, double end, boolean partial) {
        return "{\"ResultId\":\"" + id + "\",\"StartTime\":" + start + ",\"EndTime\":" + end + ",\"IsPartial\":"
                + partial + ",\"Alternatives\":[{\"Transcript\":\"" + transcript + "\",\"Items\":[]}]}";
    }

    private static Message transcriptEvent(List<String> results) {
        Map<String, HeaderValue> headers = new LinkedHashMap<>();
        headers.put(":message-type", HeaderValue.fromString("event"));
        headers.put(":event-type", HeaderValue.fromString("TranscriptEvent"));
        headers.put(":content-type", HeaderValue.fromString("application/json"));
        String payload = "{\"Transcript\":{\"Results\":[" + String.join(",", results) + "]}}";
        return new Message(headers, payload.getBytes(StandardCharsets.UTF_8));
    }

    private static Message exception(String type, String message) {
        Map<String, HeaderValue> headers = new LinkedHashMap<>();
        headers.put(":message-type", HeaderValue.fromString("exception"));
        headers.put(":exception-type", HeaderValue.fromString(type));
        headers.put(":content-type", HeaderValue.fromString("application/json"));
        return new Message(headers, ("{\"Message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }
}
