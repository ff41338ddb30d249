package dev.luna.tracing;

import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** One finished span as Luna shows it: ids, what ran where, when, how long, how it ended, and its attributes. */
public record SpanRecord(String traceId, String spanId, String parentSpanId, String name, String kind, String service,
                         String requestId, Instant startedAt, double durationMs, String status, String error,
                         Map<String, Object> attributes) {

    static SpanRecord of(SpanData span, String service) {
        var attributes = new TreeMap<String, Object>();
        span.getAttributes().forEach((k, v) -> attributes.put(k.getKey(), v));
        Object requestId = attributes.remove(Tracing.REQUEST_ID);
        String parent = span.getParentSpanContext().isValid() ? span.getParentSpanId() : null;
        String error = span.getStatus().getDescription().isEmpty() ? null : span.getStatus().getDescription();
        return new SpanRecord(span.getTraceId(), span.getSpanId(), parent, span.getName(), span.getKind().name().toLowerCase(),
                service, requestId == null ? null : requestId.toString(), Instant.ofEpochSecond(0, span.getStartEpochNanos()),
                (span.getEndEpochNanos() - span.getStartEpochNanos()) / 1_000_000.0, span.getStatus().getStatusCode().name().toLowerCase(),
                error, attributes);
    }
}
