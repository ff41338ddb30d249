package dev.luna.functions.platform;

import dev.luna.core.ErrorCode;
import dev.luna.core.LunaException;
import dev.luna.tracing.RecentSpans;
import dev.luna.tracing.SpanRecord;
import java.util.List;

/** {@code GET /api/v1/admin/traces/{requestId}}: the spans of one request, in the order they started, and their trace ids. */
record TraceView(String requestId, List<String> traceIds, int spanCount, double durationMs, List<SpanRecord> spans) {

    static TraceView of(String requestId, RecentSpans recent) {
        var spans = recent.of(requestId);
        if (spans.isEmpty()) {
            throw new LunaException(ErrorCode.NOT_FOUND, "No spans of request '" + requestId + "' here: this runtime keeps the spans"
                    + " of its last 2,000 requests; in AWS a request's trace is in X-Ray and in the luna.traces log lines");
        }
        var first = spans.get(0).startedAt();
        double end = spans.stream().mapToDouble(s -> (s.startedAt().toEpochMilli() - first.toEpochMilli()) + s.durationMs()).max().orElse(0);
        return new TraceView(requestId, spans.stream().map(SpanRecord::traceId).distinct().toList(), spans.size(), end, spans);
    }
}
