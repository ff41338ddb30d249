package dev.luna.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.catalog.Catalog;
import dev.luna.core.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The catalog is the source of truth: every entry has a bean, a sample event and Terraform; the OpenAPI document
 * describes exactly the catalog's HTTP functions.
 */
class CatalogIT {
    private final Catalog catalog = Catalog.load();
    private final Path root = Paths.root();

    @Test
    void everyFunctionHasABean() {
        var invoker = TestRuntime.shared().invoker();
        var missing = catalog.functions().values().stream().filter(f -> !invoker.has(f.bean())).map(Catalog.FunctionSpec::name).toList();
        assertThat(missing).isEmpty();
    }

    @Test
    void namesMatchEverywhere() {
        for (var f : catalog.functions().values()) {
            String camel = Pattern.compile("-([a-z])").matcher(f.name()).replaceAll(m -> m.group(1).toUpperCase(Locale.ROOT));
            assertThat(f.bean()).as("bean of " + f.name()).isEqualTo(camel);
            assertThat(catalog.modules()).as("module of " + f.name()).containsKey(f.module());
        }
    }

    @Test
    void everyFunctionHasSampleEventsOfItsTrigger() throws IOException {
        for (var f : catalog.functions().values()) {
            Path dir = root.resolve("events").resolve(f.name());
            assertThat(dir).as("events/" + f.name()).isDirectory();
            List<Path> files;
            try (Stream<Path> s = Files.list(dir)) {
                files = s.filter(p -> p.toString().endsWith(".json")).toList();
            }
            assertThat(files).as("sample events of " + f.name()).isNotEmpty();
            for (Path file : files) {
                JsonNode event = Json.tree(Files.readString(file));
                if (f.trigger().isHttp()) {
                    assertThat(event.get("version").asString()).isEqualTo("2.0");
                    assertThat(event.get("routeKey").asString()).as(file.toString())
                            .isEqualTo(f.trigger().method() + " " + f.trigger().path());
                    assertThat(event.get("requestContext").get("http").get("method").asString()).isEqualTo(f.trigger().method());
                } else if (f.trigger().isQueue() || f.trigger().isTask()) {
                    var consumed = f.trigger().queues().stream().map(q -> "luna-" + q.queue()).toList();
                    assertThat(event.get("Records").isArray()).as(file + ": an SQS event").isTrue();
                    assertThat(event.get("Records").size()).as(file.toString()).isBetween(1, f.trigger().batchSize() == null ? 10 : f.trigger().batchSize());
                    for (var record : event.get("Records")) {
                        assertThat(record.get("eventSource").asString()).isEqualTo("aws:sqs");
                        String arn = record.get("eventSourceARN").asString();
                        assertThat(arn.substring(arn.lastIndexOf(':') + 1)).as(file + ": a queue " + f.name() + " consumes").isIn(consumed);
                        assertThat(record.get("messageId").asString()).isNotBlank();
                        assertThat(record.get("receiptHandle").asString()).isNotBlank();
                        assertThat(record.get("body").isString()).isTrue();
                    }
                } else if (f.trigger().isWebSocket()) {
                    var ctx = event.get("requestContext");
                    assertThat(ctx.get("routeKey").asString()).as(file.toString()).isEqualTo(f.trigger().route());
                    assertThat(ctx.get("eventType").asString()).as(file.toString())
                            .isEqualTo(switch (f.trigger().route()) {
                                case "$connect" -> "CONNECT";
                                case "$disconnect" -> "DISCONNECT";
                                default -> "MESSAGE";
                            });
                    assertThat(ctx.get("connectionId").asString()).isNotBlank();
                    assertThat(ctx.get("requestId").asString()).isNotBlank();
                } else if (f.trigger().isStream()) {
                    assertThat(event.get("Records").isArray()).as(file + ": a DynamoDB stream event").isTrue();
                    for (var record : event.get("Records")) {
                        assertThat(record.get("eventSource").asString()).isEqualTo("aws:dynamodb");
                        assertThat(record.get("eventSourceARN").asString()).as(file + ": the stream of table " + f.trigger().table())
                                .contains(":table/luna-" + f.trigger().table() + "/stream/");
                        assertThat(record.get("dynamodb").get("SequenceNumber").asString()).isNotBlank();
                    }
                } else {
                    assertThat(f.trigger().isSchedule()).as(f.name() + " has a known trigger").isTrue();
                    assertThat(event.get("detail-type").asString()).as(file.toString()).isEqualTo("Scheduled Event");
                    assertThat(event.get("resources").get(0).asString()).endsWith("-" + f.name());
                    assertThat(event.get("detail").isObject()).isTrue();
                }
            }
        }
        try (Stream<Path> s = Files.list(root.resolve("events"))) {
            var orphans = s.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> !catalog.functions().containsKey(n)).toList();
            assertThat(orphans).as("event folders without a catalog entry").isEmpty();
        }
    }

    @Test
    void terraformInstantiatesEveryHttpFunctionFromTheCatalog() throws IOException {
        var tf = new StringBuilder();
        try (Stream<Path> s = Files.list(root.resolve("infra/terraform"))) {
            for (Path p : s.filter(p -> p.toString().endsWith(".tf")).toList()) tf.append(Files.readString(p)).append('\n');
        }
        String text = tf.toString();
        assertThat(text).as("catalog read by Terraform").contains("functions/catalog.json");
        assertThat(text).as("data definitions read by Terraform").contains("data.json");
        var module = Pattern.compile("module\\s+\"http_function\"\\s*\\{[^}]*?for_each\\s*=\\s*local\\.http_functions", Pattern.DOTALL);
        assertThat(module.matcher(text).find()).as("module \"http_function\" { for_each = local.http_functions }").isTrue();
        assertThat(Pattern.compile("http_functions\\s*=.*?(trigger\\.type|trigger_type)\\s*==\\s*\"http\"", Pattern.DOTALL).matcher(text).find())
                .as("local.http_functions selects the catalog's HTTP functions").isTrue();
        for (String[] trigger : new String[][] {{"queue_function", "queue_functions", "queue"}, {"queue_function", "queue_functions", "task"},
                {"scheduled_function", "schedule_functions", "schedule"}}) {
            var instance = Pattern.compile("module\\s+\"" + trigger[0] + "\"\\s*\\{[^}]*?for_each\\s*=\\s*local\\." + trigger[1], Pattern.DOTALL);
            assertThat(instance.matcher(text).find()).as("module \"" + trigger[0] + "\" { for_each = local." + trigger[1] + " }").isTrue();
            var filter = Pattern.compile(trigger[1] + "\\s*=[^\\n]*?(trigger_type\\s*==\\s*\"" + trigger[2] + "\"|contains\\(\\[[^\\]]*\"" + trigger[2]
                    + "\"[^\\]]*\\],\\s*fn\\.trigger_type\\))", Pattern.DOTALL);
            assertThat(filter.matcher(text).find()).as("local." + trigger[1] + " selects the catalog's " + trigger[2] + " functions").isTrue();
        }
        var data = Json.tree(Files.readString(root.resolve("infra/terraform/data.json")));
        for (var f : catalog.functions().values()) {
            for (String t : f.tables()) assertThat(data.get("tables").has(t)).as(f.name() + " uses table " + t).isTrue();
            for (String b : f.buckets()) assertThat(data.get("buckets").has(b)).as(f.name() + " uses bucket " + b).isTrue();
            if (f.trigger().isQueue() || f.trigger().isTask()) {
                var queue = f.trigger().isTask() ? data.get("taskQueue") : data.get("queues").get(f.trigger().queue());
                assertThat(queue).as(f.name() + " consumes queue " + f.trigger().queue()).isNotNull();
                int timeout = f.timeoutSeconds() != null ? f.timeoutSeconds() : catalog.defaults().timeoutSeconds();
                assertThat(queue.get("visibilityTimeoutSeconds").asInt()).as("visibility timeout of the queues of " + f.name() + " >= 6 x " + timeout)
                        .isGreaterThanOrEqualTo(6 * timeout);
                assertThat(queue.get("maxReceiveCount").asInt()).isPositive();
                assertThat(data.get("queues").has(queue.get("deadLetterQueue").asString())).isTrue();
            }
        }
    }

    @Test
    void openApiDescribesExactlyTheCatalog() {
        var api = TestRuntime.admin().withKey(null);
        var r = api.get("/api/v1/openapi.json");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        JsonNode doc = r.json();
        assertThat(doc.get("openapi").asString()).isEqualTo("3.1.0");
        var operations = new HashSet<String>();
        for (var path : doc.get("paths").properties()) {
            for (var op : path.getValue().properties()) operations.add(op.getValue().get("operationId").asString());
        }
        var http = catalog.httpFunctions();
        assertThat(operations).containsExactlyInAnyOrderElementsOf(http.stream().map(Catalog.FunctionSpec::name).toList());
        for (var f : http) {
            JsonNode op = doc.get("paths").get(f.trigger().path().replace("+}", "}")).get(f.trigger().method().toLowerCase(Locale.ROOT));
            assertThat(op).as(f.name()).isNotNull();
            assertThat(op.get("operationId").asString()).isEqualTo(f.name());
            var scopes = new ArrayList<String>();
            if (op.get("security").size() > 0) op.get("security").get(0).get("bearer").forEach(s -> scopes.add(s.asString()));
            assertThat(scopes).as("scopes of " + f.name()).containsExactlyElementsOf(f.scopes());
            assertThat(op.get("security").isEmpty()).isEqualTo(f.isPublic());
        }
        var refs = new ArrayList<String>();
        collectRefs(doc, refs);
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            assertThat(ref).startsWith("#/components/schemas/");
            assertThat(doc.get("components").get("schemas").has(ref.substring("#/components/schemas/".length())))
                    .as("$ref " + ref + " resolves").isTrue();
        }
    }

    @Test
    void docsPageRendersTheDocument() {
        var r = TestRuntime.admin().withKey(null).get("/docs");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("text/html");
        assertThat(r.body()).contains("/api/v1/openapi.json").contains("<script>").doesNotContain("https://cdn");
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            for (var e : node.properties()) {
                if (e.getKey().equals("$ref")) refs.add(e.getValue().asString());
                else collectRefs(e.getValue(), refs);
            }
        } else if (node.isArray()) {
            node.forEach(n -> collectRefs(n, refs));
        }
    }
}
