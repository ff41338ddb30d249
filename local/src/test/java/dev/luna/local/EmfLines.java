package dev.luna.local;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import dev.luna.core.Json;
import dev.luna.core.metrics.MetricCatalog;
import dev.luna.core.metrics.Metrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Captures the lines of the {@code luna.metrics} logger while open, and checks each against the CloudWatch Embedded
 * Metric Format specification: a JSON object with {@code _aws.Timestamp} (epoch ms) and {@code _aws.CloudWatchMetrics}
 * (directives with a Namespace, Dimensions as arrays of at most 30 names, Metrics with Name and Unit), every
 * referenced dimension a string member of the root and every metric a number; and every metric declared in
 * {@code functions/metrics.json} with the same unit and dimension sets.
 */
final class EmfLines extends AppenderBase<ILoggingEvent> implements AutoCloseable {
    private static final List<String> UNITS = List.of("Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes", "Megabytes",
            "Gigabytes", "Terabytes", "Bits", "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent", "Count", "Bytes/Second",
            "Kilobytes/Second", "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second", "Bits/Second", "Kilobits/Second",
            "Megabits/Second", "Gigabits/Second", "Terabits/Second", "Count/Second", "None");
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(Metrics.LOGGER);
    private final Level before;

    EmfLines() {
        setContext(logger.getLoggerContext());
        setName("emf-capture");
        start();
        before = logger.getLevel();
        logger.addAppender(this);
        logger.setLevel(Level.INFO);
    }

    @Override
    protected void append(ILoggingEvent event) {
        lines.add(event.getFormattedMessage());
    }

    @Override
    public void close() {
        logger.setLevel(before);
        logger.detachAppender(this);
        stop();
    }

    /** Every captured line, parsed and checked. */
    List<JsonNode> documents() {
        var catalog = MetricCatalog.parse(read(Paths.root().resolve("functions/metrics.json")));
        var out = new ArrayList<JsonNode>();
        for (String line : lines) out.add(valid(line, catalog));
        return out;
    }

    /** The documents that carry {@code metric} and whose dimensions include {@code dims}. */
    List<JsonNode> with(String metric, Map<String, String> dims) {
        Predicate<JsonNode> match = d -> d.has(metric) && dims.entrySet().stream()
                .allMatch(e -> e.getValue().equals(d.path(e.getKey()).asString(null)));
        return documents().stream().filter(match).toList();
    }

    static JsonNode valid(String line, MetricCatalog catalog) {
        assertThat(line).as("one line").doesNotContain("\n");
        JsonNode doc = Json.tree(line);
        assertThat(doc.isObject()).as(line).isTrue();
        JsonNode aws = doc.path("_aws");
        assertThat(aws.path("Timestamp").isIntegralNumber()).as("_aws.Timestamp in %s", line).isTrue();
        assertThat(Math.abs(aws.path("Timestamp").asLong() - System.currentTimeMillis())).as("a current timestamp").isLessThan(3_600_000L);
        JsonNode directives = aws.path("CloudWatchMetrics");
        assertThat(directives.isArray() && !directives.isEmpty()).as("_aws.CloudWatchMetrics in %s", line).isTrue();
        var names = new HashSet<String>();
        for (JsonNode directive : directives) {
            assertThat(directive.path("Namespace").asString()).isEqualTo(catalog.namespace());
            JsonNode sets = directive.path("Dimensions");
            assertThat(sets.isArray()).as("Dimensions in %s", line).isTrue();
            var declaredSets = new ArrayList<List<String>>();
            for (JsonNode set : sets) {
                assertThat(set.isArray()).isTrue();
                assertThat(set.size()).isBetween(0, 30);
                var names1 = new ArrayList<String>();
                for (JsonNode d : set) {
                    assertThat(d.isString()).isTrue();
                    assertThat(doc.path(d.asString()).isString()).as("dimension %s is a string member in %s", d.asString(), line).isTrue();
                    assertThat(doc.path(d.asString()).asString()).isNotBlank().hasSizeLessThanOrEqualTo(1024);
                    names1.add(d.asString());
                }
                declaredSets.add(names1);
            }
            JsonNode metrics = directive.path("Metrics");
            assertThat(metrics.isArray() && !metrics.isEmpty() && metrics.size() <= 100).as("Metrics in %s", line).isTrue();
            for (JsonNode m : metrics) {
                String name = m.path("Name").asString();
                assertThat(names.add(name)).as("%s once per document", name).isTrue();
                assertThat(UNITS).contains(m.path("Unit").asString());
                JsonNode value = doc.path(name);
                assertThat(value.isNumber() || value.isArray() && value.valueStream().allMatch(JsonNode::isNumber))
                        .as("metric %s is a number in %s", name, line).isTrue();
                var def = catalog.definition(name);
                assertThat(m.path("Unit").asString()).isEqualTo(def.unit());
                var expected = def.dimensions().stream().map(s -> {
                    var all = new ArrayList<>(catalog.commonDimensions());
                    all.addAll(s);
                    return (List<String>) all;
                }).toList();
                assertThat(declaredSets).as("dimension sets of %s", name).isEqualTo(expected);
            }
        }
        return doc;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
