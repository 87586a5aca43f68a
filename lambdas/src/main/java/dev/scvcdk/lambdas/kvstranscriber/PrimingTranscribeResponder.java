package dev.scvcdk.lambdas.kvstranscriber;

import io.netty.bootstrap.ServerBootstrap;
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
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.eventstream.HeaderValue;
import software.amazon.awssdk.eventstream.Message;

/**
 * An in-process Transcribe streaming responder on 127.0.0.1 for priming: HTTP/2 cleartext by prior knowledge, as the
 * SDK's Netty client speaks it to an {@code http://} endpoint. Each session is answered {@code 200} at once, and when
 * the client has sent its audio and ended its stream, with one TranscriptEvent holding a final result, then the end
 * of the response — so a priming session runs the SDK's whole streaming path (HTTP/2, signed event-stream frames,
 * event unmarshalling) without leaving the process. Closing it closes its sockets and threads.
 */
final class PrimingTranscribeResponder implements AutoCloseable {
    static final String TRANSCRIPT = "priming";

    private final EventLoopGroup group = new NioEventLoopGroup(1);
    private final Channel server;

    private PrimingTranscribeResponder() throws InterruptedException {
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(Http2FrameCodecBuilder.forServer().build(),
                                new Http2MultiplexHandler(new ChannelInitializer<Http2StreamChannel>() {
                                    @Override
                                    protected void initChannel(Http2StreamChannel stream) {
                                        stream.pipeline().addLast(new SessionHandler());
                                    }
                                }));
                    }
                })
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sync().channel();
    }

    static PrimingTranscribeResponder start() {
        try {
            return new PrimingTranscribeResponder();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while opening the priming Transcribe responder", e);
        }
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + ((InetSocketAddress) server.localAddress()).getPort());
    }

    private static final class SessionHandler extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            try {
                if (msg instanceof Http2HeadersFrame) {
                    ctx.writeAndFlush(new DefaultHttp2HeadersFrame(new DefaultHttp2Headers().status("200")
                            .add("content-type", "application/vnd.amazon.eventstream")));
                } else if (msg instanceof Http2DataFrame data && data.isEndStream()) {
                    ctx.write(new DefaultHttp2DataFrame(Unpooled.wrappedBuffer(transcriptEvent()), false));
                    ctx.writeAndFlush(new DefaultHttp2DataFrame(Unpooled.EMPTY_BUFFER, true));
                }
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }
    }

    private static ByteBuffer transcriptEvent() {
        Map<String, HeaderValue> headers = new LinkedHashMap<>();
        headers.put(":message-type", HeaderValue.fromString("event"));
        headers.put(":event-type", HeaderValue.fromString("TranscriptEvent"));
        headers.put(":content-type", HeaderValue.fromString("application/json"));
        String payload = "{\"Transcript\":{\"Results\":[{\"ResultId\":\"priming-1\",\"StartTime\":0.0,\"EndTime\":0.1,"
                + "\"IsPartial\":false,\"Alternatives\":[{\"Transcript\":\"" + TRANSCRIPT + "\",\"Items\":[]}]}]}}";
        return new Message(headers, payload.getBytes(StandardCharsets.UTF_8)).toByteBuffer();
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
