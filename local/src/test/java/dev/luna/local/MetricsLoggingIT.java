package dev.luna.local;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import dev.luna.core.metrics.MetricCatalog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The production logging configurations and the metric lines: Lambda's ({@code luna/logback-lambda.xml}) writes each
 * EMF document on stdout as the whole line — not wrapped in a JSON log event, which CloudWatch would not extract —
 * next to the JSON log lines; the local runtime's ({@code logback.xml}) writes none unless {@code LUNA_METRICS_LOG}
 * turns them on.
 */
class MetricsLoggingIT {

    @Test
    void lambdaWritesEachEmfDocumentAsAWholeLine() throws Exception {
        String out = run("luna/logback-lambda.xml");
        var catalog = MetricCatalog.parse(Files.readString(Paths.root().resolve("functions/metrics.json")));
        var emf = out.lines().filter(l -> l.contains("\"_aws\"")).toList();
        assertThat(emf).as("metric lines in:\n" + out).isNotEmpty();
        for (String line : emf) {
            assertThat(line).startsWith("{\"_aws\":");
            var doc = EmfLines.valid(line, catalog);
            assertThat(doc.has("ApiRequests")).isTrue();
        }
        assertThat(out.lines().filter(l -> l.startsWith("{") && !l.contains("\"_aws\"")).count()).as("the JSON log lines stay").isPositive();
    }

    @Test
    void locallyTheyAreOffByDefault() throws Exception {
        assertThat(run("logback.xml")).doesNotContain("\"_aws\"");
    }

    private static String run(String configuration) throws Exception {
        var captured = new ByteArrayOutputStream();
        var originalOut = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            configure(configuration);
            try (var runtime = LocalRuntime.builder().port(0).dataDirectory(null).start()) {
                var admin = new Api(runtime.baseUri(), runtime.generatedAdminKey().orElseThrow());
                assertThat(admin.get("/api/v1/agents").status()).isEqualTo(200);
                assertThat(admin.get("/api/v1/health/live").status()).isEqualTo(200);
            }
        } finally {
            System.setOut(originalOut);
            configure("logback-test.xml");
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    private static void configure(String resource) throws Exception {
        var context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        var configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(MetricsLoggingIT.class.getClassLoader().getResource(resource));
    }
}
