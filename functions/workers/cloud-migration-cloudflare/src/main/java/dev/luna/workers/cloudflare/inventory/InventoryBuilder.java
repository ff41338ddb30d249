package dev.luna.workers.cloudflare.inventory;

import dev.luna.codebase.ProjectModel;
import dev.luna.codebase.architecture.Architecture;
import dev.luna.codebase.endpoint.Endpoint;
import dev.luna.codebase.secrets.SecretScanner;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Builds the {@link Inventory} from the project model (endpoints, entities, languages), the architecture recovery's
 * external systems, and a read of the infrastructure, SQL and program files (secrets masked before anything is kept).
 */
public final class InventoryBuilder {
    private static final long MAX_FILE_BYTES = 1 << 20;
    private static final Map<String, String[]> EXTERNALS = loadExternals();
    private final SecretScanner secrets = new SecretScanner();

    public Inventory build(ProjectModel model, Path root, BooleanSupplier stop) {
        var found = new InfraFound();
        var signals = new CodeSignals();
        var tables = new ArrayList<Table>();
        var items = new ArrayList<Item>();
        var texts = new HashMap<String, String>();
        for (var f : model.files()) {
            if (stop.getAsBoolean()) break;
            String path = f.path();
            String lower = path.toLowerCase(Locale.ROOT);
            boolean sql = lower.endsWith(".sql");
            boolean tf = lower.endsWith(".tf");
            boolean yaml = lower.matches(".*\\.(ya?ml|json|template)$") && !lower.contains("node_modules/") && !lower.endsWith("package.json")
                    && !lower.endsWith("package-lock.json") && !lower.endsWith("tsconfig.json");
            String family = CodeSignals.family(path);
            if (!sql && !tf && !yaml && family == null) continue;
            String text = read(root.resolve(path));
            if (text == null) continue;
            text = secrets.mask(path, text);
            if (sql) SqlSchemas.read(path, text, tables, items);
            if (tf) TerraformAndCdk.terraform(path, text, found);
            if (yaml && AwsTemplates.candidate(path, text)) AwsTemplates.read(path, text, found);
            if (family != null) {
                signals.scan(path, text);
                if (family.equals("js") && (text.contains("aws-cdk-lib") || text.contains("@aws-cdk/"))) TerraformAndCdk.cdk(path, text, found);
                if (family.equals("py") && text.contains("aws_cdk")) TerraformAndCdk.cdk(path, text, found);
                texts.put(path, text);
            }
        }
        items.addAll(signals.items());
        var routes = new ArrayList<Route>();
        for (var e : model.endpoints()) routes.add(placeholders(route(e, texts.get(e.file()))));
        routes.addAll(found.routes());
        tables.addAll(Entities.tables(model, tables));
        tables.addAll(DynamoTables.tables(found.resources()));
        items.addAll(resourceItems(found.resources()));
        items.addAll(runtimeItems(model));
        if (!stop.getAsBoolean()) items.addAll(externalItems(model, root, stop));
        return new Inventory(dedupeRoutes(routes), dedupeItems(items), dedupeTables(tables), found.resources(), found.skipped());
    }

    private static Route route(Endpoint e, String text) {
        String fw = e.framework();
        String lower = fw.toLowerCase(Locale.ROOT);
        boolean js = lower.equals("express") || lower.equals("fastify") || lower.equals("next.js") || lower.equals("nestjs");
        if (js && text != null) {
            var lines = text.split("\n", -1);
            int from = Math.max(1, e.startLine());
            int to = Math.min(lines.length, Math.max(from, e.endLine()));
            var ported = HandlerPort.port(fw, String.join("\n", java.util.Arrays.asList(lines).subList(from - 1, to)));
            if (ported != null) return new Route(e.method(), e.path(), fw, e.file(), e.startLine(), "direct", ported.json(), ported.status(),
                    "the handler answers a literal: ported as is");
        }
        String verdict;
        String note;
        if (js) {
            verdict = "adapt";
            note = article(fw) + " " + fw + " handler: port it to the router (request/response objects differ; Node APIs it uses are listed below); proxied until then";
        } else if (lower.equals("fastapi")) {
            verdict = "adapt";
            note = "FastAPI runs on Python Workers (ASGI, beta); its database and SDK calls must move to bindings; proxied until then";
        } else if (lower.equals("flask")) {
            verdict = "rewrite";
            note = "Flask (WSGI) does not run on Python Workers: rewrite on FastAPI or TypeScript; proxied until then";
        } else {
            verdict = "rewrite";
            note = article(fw) + " " + fw + " (Java) handler: Workers runs JavaScript, TypeScript, WebAssembly and Python, not the JVM; rewrite in TypeScript; proxied until then";
        }
        return new Route(e.method(), e.path(), fw, e.file(), e.startLine(), verdict, null, 0, note);
    }

    private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("\\$\\{([A-Za-z0-9_.\\-]+)(?::([^}]*))?}");

    /**
     * A path with configuration placeholders ({@code /${app.prefix}/x}, {@code ${p:/api}}): the default is used, or the
     * segment is dropped when there is none (the property's value is configuration the source does not hold), and the note says so.
     */
    static Route placeholders(Route r) {
        var m = PLACEHOLDER.matcher(r.path());
        if (!m.find()) return r;
        var sb = new StringBuilder();
        var names = new java.util.ArrayList<String>();
        m.reset();
        while (m.find()) {
            names.add(m.group(1));
            m.appendReplacement(sb, java.util.regex.Matcher.quoteReplacement(m.group(2) == null ? "" : m.group(2)));
        }
        m.appendTail(sb);
        String path = ("/" + sb).replaceAll("/{2,}", "/");
        if (path.length() > 1 && path.endsWith("/")) path = path.substring(0, path.length() - 1);
        return new Route(r.method(), path, r.source(), r.file(), r.line(), r.verdict(), r.ported(), r.status(),
                r.note() + "; the path's placeholder " + String.join(", ", names) + " is configuration: its default (or nothing) was used");
    }

    private static String article(String word) {
        return word.isEmpty() || "AEIOUaeiou".indexOf(word.charAt(0)) < 0 ? "a" : "an";
    }

    private static List<Item> resourceItems(List<Resource> resources) {
        var out = new ArrayList<Item>();
        for (var r : resources) {
            switch (r.kind()) {
                case "table" -> out.add(new Item("datastore", "DynamoDB table " + r.name(), r.file(), r.line(), "adapt", "D1 table " + DynamoTables.tableName(r.name()),
                        "items keyed by " + String.join(" + ", r.keys()) + " become rows; other attributes are kept as JSON in `data`"));
                case "bucket" -> out.add(new Item("storage", "S3 bucket " + r.name(), r.file(), r.line(), "direct", "R2 bucket",
                        "R2 is S3-compatible; copy the objects with Super Slurper or rclone"));
                case "queue" -> out.add(new Item("queue", "SQS queue " + r.name(), r.file(), r.line(), "adapt", "Queue",
                        "Queues deliver at least once in batches with retries; FIFO ordering is not guaranteed"));
                case "queue-consumer" -> out.add(new Item("queue", "SQS consumer " + r.name(), r.file(), r.line(), "adapt", "queue() handler",
                        "the function's SQS trigger becomes the Worker's queue() consumer"));
                case "schedule" -> {
                    String cron = Schedules.toCron(r.keys().isEmpty() ? null : r.keys().get(0));
                    out.add(new Item("schedule", r.name(), r.file(), r.line(), cron == null ? "adapt" : "direct", cron == null ? "Cron Trigger (by hand)" : "Cron Trigger " + cron,
                            cron == null ? "the expression could not be translated: write the Cron Trigger by hand" : "translated from " + r.keys().get(0)));
                }
                case "function" -> {
                    String rt = r.keys().isEmpty() ? "" : r.keys().get(0);
                    out.add(new Item("function", r.name() + (rt.isEmpty() ? "" : " (" + rt + ")"), r.file(), r.line(), InfraFound.verdictFor(rt), "Worker handler",
                            InfraFound.noteFor(rt)));
                }
                default -> {
                }
            }
        }
        return out;
    }

    private static List<Item> runtimeItems(ProjectModel model) {
        var out = new ArrayList<Item>();
        for (var l : model.languages()) {
            if (l.lines() == 0) continue;
            String first = model.files().stream().filter(f -> l.language().equals(f.language())).map(f -> f.path()).findFirst().orElse("");
            String lang = l.language().toLowerCase(Locale.ROOT);
            String[] v = switch (lang) {
                case "javascript", "typescript" -> new String[]{"direct", "Workers (V8 isolates)", "JavaScript and TypeScript run natively on Workers"};
                case "python" -> new String[]{"adapt", "Python Workers (beta)", "Python runs on Workers through Pyodide: pure-Python packages only, no native extensions beyond those bundled"};
                case "java", "kotlin", "scala", "groovy" -> new String[]{"rewrite", "TypeScript Worker", "the JVM does not run on Workers: the backend is rewritten in TypeScript (or compiled to WebAssembly, rarely practical); the strangler proxy keeps it serving meanwhile"};
                case "go", "rust", "c", "cpp", "c++" -> new String[]{"rewrite", "WebAssembly module", "compiled languages run on Workers as WebAssembly, with no threads and no raw sockets"};
                case "ruby", "php", "csharp", "c#" -> new String[]{"rewrite", "TypeScript Worker", "this runtime does not run on Workers"};
                default -> null;
            };
            if (v != null) out.add(new Item("runtime", l.language(), first, 0, v[0], v[1], v[2] + " (" + l.lines() + " lines)"));
        }
        return out;
    }

    private List<Item> externalItems(ProjectModel model, Path root, BooleanSupplier stop) {
        var out = new ArrayList<Item>();
        for (var x : new Architecture().recover(model, root, stop).externals()) {
            String[] rule = EXTERNALS.get(x.id());
            if (rule == null) continue;
            var at = x.evidence().isEmpty() ? null : x.evidence().get(0).at();
            String category = switch (x.kind()) {
                case "database", "cache", "search" -> "datastore";
                case "queue" -> "queue";
                case "storage" -> "storage";
                default -> "outbound";
            };
            out.add(new Item(category, x.name() + " (" + x.technology() + ")", at == null ? "" : at.file(), at == null ? 0 : at.line(), rule[0], rule[1], rule[2]));
        }
        return out;
    }

    private static List<Route> dedupeRoutes(List<Route> routes) {
        var seen = new HashSet<String>();
        return routes.stream().sorted(Route.ORDER).filter(r -> seen.add(r.method() + " " + r.path())).toList();
    }

    private static List<Item> dedupeItems(List<Item> items) {
        var seen = new HashSet<String>();
        return items.stream().sorted(Item.ORDER).filter(i -> seen.add(i.category() + "|" + i.name() + "|" + i.location())).toList();
    }

    private static List<Table> dedupeTables(List<Table> tables) {
        var seen = new HashSet<String>();
        return tables.stream().sorted(Table.ORDER).filter(t -> seen.add(t.name())).toList();
    }

    private static String read(Path file) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_FILE_BYTES) return null;
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            return null;
        }
    }

    private static Map<String, String[]> loadExternals() {
        try (InputStream in = InventoryBuilder.class.getResourceAsStream("/rules/externals.tsv")) {
            var out = new HashMap<String, String[]>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t");
                if (f.length != 4) throw new IllegalStateException("rules/externals.tsv: 4 fields expected in " + line);
                out.put(f[0], new String[]{f[1], f[2], f[3]});
            }
            return Map.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
