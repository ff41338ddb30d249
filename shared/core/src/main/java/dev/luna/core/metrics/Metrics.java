package dev.luna.core.metrics;

import dev.luna.core.Lazy;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Emits metrics as CloudWatch Embedded Metric Format lines on the logger {@value #LOGGER}: in Lambda that logger
 * writes each line as it is to stdout, where CloudWatch Logs extracts the metrics; locally the same lines go to the
 * log when the logger is enabled ({@code LUNA_METRICS_LOG=INFO}; off by default). When the logger is off nothing is
 * formatted. Emitting never fails the caller: a bad metric is logged as a warning.
 *
 * <pre>{@code Metrics.event().dimension("Function", "agents-get").value("ApiRequests", 1).value("ApiLatency", 12).emit();}</pre>
 *
 * The common dimension {@code Stack} is the deployment's resource prefix ({@code LUNA_RESOURCE_PREFIX}, e.g.
 * {@code luna-prod}; {@code local} when unset); the function ({@code LUNA_FUNCTION} or the request's MDC) and the
 * request id travel as plain properties, never as dimensions.
 *
 * <p>Why not Powertools' metrics (software.amazon.lambda:powertools-metrics 2.x, whose functional API needs no
 * AspectJ weaving): its {@code MetricsFactory} hands out one process-wide instance with one set of default
 * dimensions, flushed per invocation, while the local runtime serves every function from one JVM at once; it writes
 * through aws-embedded-metrics' environment sinks rather than a logger that can be turned off or captured; and it
 * brings aws-embedded-metrics, powertools-common and commons-lang3 to every cold start. The format is small: this
 * package writes it per the EMF specification and {@code functions/metrics.json} keeps it in step with the alarms.
 */
public final class Metrics {
    public static final String LOGGER = "luna.metrics";
    private static final Logger log = LoggerFactory.getLogger(LOGGER);
    private static final Logger problems = LoggerFactory.getLogger(Metrics.class);
    private static final Lazy<MetricCatalog> CATALOG = new Lazy<>(MetricCatalog::load);
    private static final String STACK = stack();

    private Metrics() {
    }

    /** Whether metric lines are written at all (the {@value #LOGGER} logger at INFO). */
    public static boolean enabled() {
        return log.isInfoEnabled();
    }

    public static Event event() {
        return new Event();
    }

    /** One EMF document under construction: dimension values and metric values. */
    public static final class Event {
        private final Map<String, String> dimensions = new LinkedHashMap<>();
        private final Map<String, Double> values = new LinkedHashMap<>();

        private Event() {
        }

        public Event dimension(String name, String value) {
            dimensions.put(name, value);
            return this;
        }

        public Event value(String metric, double value) {
            values.put(metric, value);
            return this;
        }

        public void emit() {
            if (!enabled() || values.isEmpty()) return;
            try {
                dimensions.putIfAbsent("Stack", STACK);
                var properties = new LinkedHashMap<String, String>();
                String function = System.getenv("LUNA_FUNCTION");
                properties.put("function", function != null ? function : MDC.get("function"));
                properties.put("requestId", MDC.get("requestId"));
                log.info(EmfFormat.line(CATALOG.get(), System.currentTimeMillis(), dimensions, properties, values));
            } catch (RuntimeException e) {
                problems.warn("metric not emitted: {}", e.toString());
            }
        }
    }

    private static String stack() {
        String prefix = System.getenv("LUNA_RESOURCE_PREFIX");
        if (prefix == null || prefix.isBlank()) prefix = System.getProperty("luna.resourcePrefix");
        return prefix == null || prefix.isBlank() ? "local" : prefix;
    }
}
