package dev.scvcdk.lambdas.voicemail;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.scvcdk.lambdas.common.Deadlines;
import dev.scvcdk.lambdas.common.json.Json;
import dev.scvcdk.lambdas.common.kinesis.KinesisRecord;
import dev.scvcdk.lambdas.common.snapstart.SnapStart;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Handler {@code dev.scvcdk.lambdas.voicemail.VoiceMailAudioProcessingHandler::handleRequest}: a Kinesis event of
 * contact records in, a partial batch response ({@code {"batchItemFailures":[{"itemIdentifier":"<seq>"}]}}) out.
 * The event-source mapping must enable {@code ReportBatchItemFailures}.
 */
public final class VoiceMailAudioProcessingHandler implements RequestStreamHandler {
    /**
     * Kept back from the Lambda timeout: a record is only started with this much time left, enough for one
     * voicemail's Kinesis Video read (which ends a few seconds after the stream's last fragment) and S3 write.
     */
    static final Duration START_MARGIN = Duration.ofSeconds(15);

    private final VoiceMailAudioService service;

    public VoiceMailAudioProcessingHandler() {
        this(Container.SERVICE);
    }

    public VoiceMailAudioProcessingHandler(VoiceMailAudioService service) {
        this.service = Objects.requireNonNull(service, "service");
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        List<KinesisRecord> records = KinesisRecord.fromEvent(Json.read(input));
        Json.write(output, KinesisRecord.batchResponse(
                service.process(records, Deadlines.before(context, START_MARGIN))));
    }

    private static final class Container {
        static final VoiceMailAudioService SERVICE = SnapStart.prepare(System.getenv(), "VoiceMailAudioProcessing",
                VoiceMailAudioWiring.prepare(System.getenv()));
    }
}
