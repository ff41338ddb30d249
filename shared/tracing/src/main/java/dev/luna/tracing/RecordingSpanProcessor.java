package dev.luna.tracing;

import dev.luna.core.Json;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stamps each span with the request id of its context's baggage when it starts, and when it ends writes it as one JSON
 * line to the {@code luna.traces} log (DEBUG; CloudWatch Logs Insights can query them by request id or trace id) and
 * keeps it in {@link RecentSpans}. Synchronous and cheap: no network on the request's path.
 */
final class RecordingSpanProcessor implements SpanProcessor {
    private static final Logger log = LoggerFactory.getLogger("luna.traces");
    private static final String SERVICE = System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_NAME", "luna-local");
    private final RecentSpans recent;

    RecordingSpanProcessor(RecentSpans recent) {
        this.recent = recent;
    }

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
        String requestId = Baggage.fromContext(parentContext).getEntryValue(Tracing.REQUEST_ID);
        if (requestId != null) span.setAttribute(Tracing.REQUEST_ID, requestId);
    }

    @Override
    public boolean isStartRequired() {
        return true;
    }

    @Override
    public void onEnd(ReadableSpan span) {
        var record = SpanRecord.of(span.toSpanData(), SERVICE);
        recent.add(record);
        if (log.isDebugEnabled()) log.debug("{}", Json.write(record));
    }

    @Override
    public boolean isEndRequired() {
        return true;
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
