package dev.luna.tracing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The spans this JVM finished, by request id, for the last {@value #MAX_REQUESTS} requests (oldest dropped first): what
 * {@code GET /api/v1/admin/traces/{requestId}} answers in the local runtime, where every function shares one JVM.
 */
public final class RecentSpans {
    static final int MAX_REQUESTS = 2_000;
    static final int MAX_SPANS_PER_REQUEST = 500;
    private final Map<String, List<SpanRecord>> byRequest = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<SpanRecord>> eldest) {
            return size() > MAX_REQUESTS;
        }
    };

    synchronized void add(SpanRecord span) {
        if (span.requestId() == null) return;
        var spans = byRequest.computeIfAbsent(span.requestId(), k -> new ArrayList<>());
        if (spans.size() < MAX_SPANS_PER_REQUEST) spans.add(span);
    }

    /** The spans of one request, in the order they started. */
    public synchronized List<SpanRecord> of(String requestId) {
        var spans = new ArrayList<>(byRequest.getOrDefault(requestId, List.of()));
        spans.sort(Comparator.comparing(SpanRecord::startedAt).thenComparing(SpanRecord::spanId));
        return spans;
    }
}
