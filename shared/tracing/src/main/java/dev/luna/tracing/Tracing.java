package dev.luna.tracing;

import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.contrib.awsxray.propagator.AwsXrayPropagator;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * One trace per request across HTTP → queue → worker → model gateway → provider, with the OpenTelemetry API and SDK.
 * Context travels in W3C {@code traceparent} + {@code baggage} and in AWS X-Ray's {@code X-Amzn-Trace-Id} (so API
 * Gateway's and Lambda's own X-Ray segments share the trace id); the request id rides in the baggage and is stamped on
 * every span of the request ({@value #REQUEST_ID}). Finished spans go to the log ({@code luna.traces}, JSON, DEBUG) and,
 * for the local runtime, to {@link #recent()}. One instance per JVM.
 */
public final class Tracing {
    public static final String REQUEST_ID = "luna.request_id";
    public static final String FUNCTION = "luna.function";
    /** AWS X-Ray's trace header (API Gateway adds it; Lambda sets the invocation's in _X_AMZN_TRACE_ID). */
    public static final String XRAY_HEADER = "X-Amzn-Trace-Id";
    private static final Tracing INSTANCE = new Tracing();
    private static final TextMapGetter<Map<String, String>> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };
    private final RecentSpans recent = new RecentSpans();
    private final TextMapPropagator propagator = TextMapPropagator.composite(W3CTraceContextPropagator.getInstance(),
            W3CBaggagePropagator.getInstance(), AwsXrayPropagator.getInstance());
    private final Tracer tracer;

    private Tracing() {
        var provider = SdkTracerProvider.builder().addSpanProcessor(new RecordingSpanProcessor(recent)).build();
        tracer = provider.get("dev.luna");
        Runtime.getRuntime().addShutdownHook(new Thread(provider::close, "luna-tracing-shutdown"));
    }

    /** The spans this JVM finished, by request id. */
    public static RecentSpans recent() {
        return INSTANCE.recent;
    }

    /**
     * The context carried by {@code carrier} (HTTP headers or a queue message's trace map, any case); without one, the
     * Lambda invocation's own X-Ray trace header when there is one; else a new root.
     */
    public static Context extract(Map<String, String> carrier) {
        var lower = new TreeMap<String, String>(String.CASE_INSENSITIVE_ORDER);
        if (carrier != null) lower.putAll(carrier);
        if (!lower.containsKey("traceparent") && !lower.containsKey(XRAY_HEADER)) {
            String lambda = System.getProperty("com.amazonaws.xray.traceHeader", System.getenv("_X_AMZN_TRACE_ID"));
            if (lambda != null && !lambda.isBlank()) lower.put(XRAY_HEADER, lambda);
        }
        return INSTANCE.propagator.extract(Context.root(), lower, caseInsensitive());
    }

    /** The current context as a carrier to send on: {@code traceparent}, {@code baggage} and {@code X-Amzn-Trace-Id}. */
    public static Map<String, String> inject() {
        var carrier = new LinkedHashMap<String, String>();
        INSTANCE.propagator.inject(Context.current(), carrier, Map::put);
        return carrier;
    }

    /** Makes {@code parent}, with the request id in its baggage, the current context (close the scope to leave it). */
    public static Scope enterRequest(Context parent, String requestId) {
        var baggage = Baggage.fromContext(parent).toBuilder().put(REQUEST_ID, requestId).build();
        return parent.with(baggage).makeCurrent();
    }

    /** The request id of the current context, if a request entered it. */
    public static String currentRequestId() {
        return Baggage.current().getEntryValue(REQUEST_ID);
    }

    /** Runs {@code work} in a new span, child of the current one; an exception marks the span as an error and is rethrown. */
    public static <T> T inSpan(String name, SpanKind kind, Map<String, String> attributes, Supplier<T> work) {
        Span span = start(name, kind, attributes);
        try (Scope ignored = span.makeCurrent()) {
            return work.get();
        } catch (RuntimeException | Error e) {
            fail(span, e);
            throw e;
        } finally {
            span.end();
        }
    }

    /** Starts a span, child of the current one (end it, and make it current while its work runs). */
    public static Span start(String name, SpanKind kind, Map<String, String> attributes) {
        var builder = INSTANCE.tracer.spanBuilder(name).setSpanKind(kind);
        attributes.forEach(builder::setAttribute);
        return builder.startSpan();
    }

    /** Marks a span as failed by {@code error}. */
    public static void fail(Span span, Throwable error) {
        span.setStatus(StatusCode.ERROR, error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage()));
    }

    private static TextMapGetter<Map<String, String>> caseInsensitive() {
        return GETTER;
    }
}
