package dev.scvcdk.lambdas.ctrsync;

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
 * Handler {@code dev.scvcdk.lambdas.ctrsync.CtrDataSyncHandler::handleRequest}: a Kinesis event of contact
 * records in, a partial batch response ({@code {"batchItemFailures":[{"itemIdentifier":"<seq>"}]}}) out.
 * The event-source mapping must enable {@code ReportBatchItemFailures}.
 */
public final class CtrDataSyncHandler implements RequestStreamHandler {
    /** Time kept back from the Lambda timeout to write the response. */
    static final Duration SAFETY_MARGIN = Duration.ofMillis(500);

    private final CtrSyncService service;

    public CtrDataSyncHandler() {
        this(Container.SERVICE);
    }

    public CtrDataSyncHandler(CtrSyncService service) {
        this.service = Objects.requireNonNull(service, "service");
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        List<KinesisRecord> records = KinesisRecord.fromEvent(Json.read(input));
        Json.write(output, KinesisRecord.batchResponse(
                service.process(records, Deadlines.before(context, SAFETY_MARGIN))));
    }

    private static final class Container {
        static final CtrSyncService SERVICE = SnapStart.prepare(System.getenv(), "CTRDataSync",
                CtrSyncWiring.prepare(System.getenv()));
    }
}
