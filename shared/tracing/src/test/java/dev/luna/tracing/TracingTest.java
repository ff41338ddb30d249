package dev.luna.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.trace.SpanKind;
import java.util.Map;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class TracingTest {
    @Test
    void aRequestsSpansShareOneTraceAcrossACarrierAndAThreadAndCarryTheRequestId() throws Exception {
        String requestId = "req_tracing_" + System.nanoTime();
        Map<String, String> carrier;
        try (var ignored = Tracing.enterRequest(Tracing.extract(Map.of()), requestId)) {
            carrier = Tracing.inSpan("POST /api/v1/tasks", SpanKind.SERVER, Map.of(Tracing.FUNCTION, "tasks-submit"), Tracing::inject);
        }
        assertThat(carrier).containsKeys("traceparent", "baggage", Tracing.XRAY_HEADER);
        assertThat(carrier.get("baggage")).contains(Tracing.REQUEST_ID + "=" + requestId);
        assertThat(carrier.get(Tracing.XRAY_HEADER)).startsWith("Root=1-");

        // the worker, later, elsewhere: continues from the message's carrier; the handler runs on another thread
        try (var ignored = Tracing.extract(carrier).makeCurrent()) {
            Tracing.inSpan("task echo", SpanKind.CONSUMER, Map.of(), () -> {
                try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
                    return pool.submit(io.opentelemetry.context.Context.current().wrap(() ->
                            Tracing.inSpan("chat gpt-4o-mini", SpanKind.CLIENT, Map.of("gen_ai.system", "openai"), () -> "ok"))).get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        var spans = Tracing.recent().of(requestId);
        assertThat(spans).extracting(SpanRecord::name).containsExactly("POST /api/v1/tasks", "task echo", "chat gpt-4o-mini");
        assertThat(spans).extracting(SpanRecord::traceId).containsOnly(spans.get(0).traceId());
        assertThat(spans.get(0).parentSpanId()).isNull();
        assertThat(spans.get(1).parentSpanId()).isEqualTo(spans.get(0).spanId());
        assertThat(spans.get(2).parentSpanId()).isEqualTo(spans.get(1).spanId());
        assertThat(spans).extracting(SpanRecord::kind).containsExactly("server", "consumer", "client");
        assertThat(spans.get(2).attributes()).containsEntry("gen_ai.system", "openai");
        assertThat(spans).allSatisfy(s -> assertThat(s.requestId()).isEqualTo(requestId));
    }

    @Test
    void anXRayHeaderFromApiGatewayIsTheParentAndAFailureMarksTheSpan() {
        String requestId = "req_xray_" + System.nanoTime();
        var header = Map.of("x-amzn-trace-id", "Root=1-6753f1a2-0123456789abcdef01234567;Parent=53995c3f42cd8ad8;Sampled=1");
        try (var ignored = Tracing.enterRequest(Tracing.extract(header), requestId)) {
            assertThatThrownBy(() -> Tracing.inSpan("GET /api/v1/agents", SpanKind.SERVER, Map.of(), () -> {
                throw new IllegalStateException("store down");
            })).hasMessage("store down");
        }
        var span = Tracing.recent().of(requestId).get(0);
        assertThat(span.traceId()).isEqualTo("6753f1a20123456789abcdef01234567");
        assertThat(span.parentSpanId()).isEqualTo("53995c3f42cd8ad8");
        assertThat(span.status()).isEqualTo("error");
        assertThat(span.error()).isEqualTo("IllegalStateException: store down");
    }

    @Test
    void spansOutsideARequestAreNotKeptAndOldRequestsAreDropped() {
        Tracing.inSpan("background", SpanKind.INTERNAL, Map.of(), () -> null);
        assertThat(Tracing.recent().of("null")).isEmpty();
        var recent = new RecentSpans();
        for (int i = 0; i <= RecentSpans.MAX_REQUESTS; i++) {
            recent.add(new SpanRecord("t", "s" + i, null, "n", "server", "f", "req_" + i, java.time.Instant.EPOCH, 1, "unset", null, Map.of()));
        }
        assertThat(recent.of("req_0")).isEmpty();
        assertThat(recent.of("req_" + RecentSpans.MAX_REQUESTS)).hasSize(1);
    }
}
