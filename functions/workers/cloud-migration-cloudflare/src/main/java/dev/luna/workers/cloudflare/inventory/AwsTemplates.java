package dev.luna.workers.cloudflare.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads AWS SAM / CloudFormation templates and Serverless Framework files (YAML or JSON): functions with their runtime
 * and API events, DynamoDB tables with their keys, S3 buckets, SQS queues and schedules. Positions come from a text
 * search for the logical name after the parse, so every resource has file:line evidence.
 */
public final class AwsTemplates {
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private AwsTemplates() {
    }

    /** Whether the file looks like a template this class reads. */
    public static boolean candidate(String path, String text) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (!(name.endsWith(".yml") || name.endsWith(".yaml") || name.endsWith(".json") || name.endsWith(".template"))) return false;
        if (name.startsWith("serverless.")) return true;
        return text.contains("AWSTemplateFormatVersion") || text.contains("AWS::Serverless") || text.contains("AWS::DynamoDB::Table");
    }

    public static void read(String path, String text, InfraFound out) {
        JsonNode root;
        try {
            root = YAML.readTree(text.replaceAll("(?m)(:\\s*|-\\s+)!(\\w+)(\\s)", "$1$3"));
        } catch (RuntimeException e) {
            out.skipped.add(path + ": not readable as YAML/JSON (" + e.getClass().getSimpleName() + ")");
            return;
        }
        if (root == null || !root.isObject()) return;
        var lines = new Lines(text);
        String serverlessRuntime = root.path("provider").path("runtime").asString("");
        if (root.has("service") && root.has("functions")) serverless(path, root, serverlessRuntime, lines, out);
        String globalRuntime = root.path("Globals").path("Function").path("Runtime").asString("");
        var resources = root.has("Resources") ? root.get("Resources") : root.path("resources").path("Resources");
        if (resources.isObject()) cloudFormation(path, resources, globalRuntime.isEmpty() ? serverlessRuntime : globalRuntime, lines, out);
    }

    private static void serverless(String path, JsonNode root, String runtime, Lines lines, InfraFound out) {
        int functionsLine = lines.key("functions", 1, 1);
        for (var f : root.get("functions").properties()) {
            int at = lines.key(f.getKey(), functionsLine, functionsLine);
            String rt = f.getValue().path("runtime").asString(runtime);
            String handler = f.getValue().path("handler").asString("");
            out.resources.add(new Resource("function", f.getKey(), path, at, "Serverless", List.of(rt, handler)));
            for (var event : f.getValue().path("events")) {
                for (String kind : List.of("http", "httpApi")) {
                    if (!event.has(kind)) continue;
                    var e = event.get(kind);
                    String method;
                    String p;
                    if (e.isString()) {
                        String[] parts = e.asString().strip().split("\\s+", 2);
                        method = parts.length == 2 ? parts[0] : "ANY";
                        p = parts.length == 2 ? parts[1] : parts[0];
                    } else {
                        method = e.path("method").asString("ANY");
                        p = e.path("path").asString("/");
                    }
                    int line = lines.find(java.util.regex.Pattern.quote(p.replaceFirst("^/", "")), at, at);
                    out.routes.add(route(method, p, "Serverless", path, line, rt));
                }
                if (event.has("schedule")) {
                    var s = event.get("schedule");
                    String expression = s.isString() ? s.asString() : s.path("rate").isArray() ? s.path("rate").path(0).asString("") : s.path("rate").asString("");
                    out.resources.add(new Resource("schedule", f.getKey(), path, lines.key("schedule", at, at), "Serverless", List.of(expression)));
                }
                if (event.has("sqs")) out.resources.add(new Resource("queue-consumer", f.getKey(), path, lines.key("sqs", at, at), "Serverless", List.of()));
            }
        }
    }

    private static void cloudFormation(String path, JsonNode resources, String runtime, Lines lines, InfraFound out) {
        int start = lines.key("Resources", 1, 1);
        for (var r : resources.properties()) {
            String type = r.getValue().path("Type").asString("");
            var props = r.getValue().path("Properties");
            int at = lines.key(r.getKey(), start, start);
            switch (type) {
                case "AWS::Serverless::Function", "AWS::Lambda::Function" -> {
                    String rt = props.path("Runtime").asString(runtime);
                    out.resources.add(new Resource("function", r.getKey(), path, at, "SAM", List.of(rt, props.path("Handler").asString(""))));
                    for (var e : props.path("Events").properties()) {
                        String et = e.getValue().path("Type").asString("");
                        var ep = e.getValue().path("Properties");
                        int eline = lines.key(e.getKey(), at, at);
                        if (et.equals("Api") || et.equals("HttpApi")) {
                            out.routes.add(route(ep.path("Method").asString("ANY"), ep.path("Path").asString("/"), "SAM", path, lines.key("Path", eline, eline), rt));
                        } else if (et.equals("Schedule") || et.equals("ScheduleV2")) {
                            String expr = ep.has("Schedule") ? ep.path("Schedule").asString("") : ep.path("ScheduleExpression").asString("");
                            out.resources.add(new Resource("schedule", r.getKey() + "." + e.getKey(), path, eline, "SAM", List.of(expr)));
                        } else if (et.equals("SQS")) {
                            out.resources.add(new Resource("queue-consumer", r.getKey(), path, eline, "SAM", List.of()));
                        }
                    }
                }
                case "AWS::DynamoDB::Table" -> {
                    var keys = new ArrayList<String>();
                    for (var k : props.path("KeySchema")) if (k.path("KeyType").asString("").equals("HASH")) keys.add(0, k.path("AttributeName").asString(""));
                        else keys.add(k.path("AttributeName").asString(""));
                    out.resources.add(new Resource("table", name(props, "TableName", r.getKey()), path, at, "CloudFormation", keys));
                }
                case "AWS::Serverless::SimpleTable" -> out.resources.add(new Resource("table", name(props, "TableName", r.getKey()), path, at, "SAM",
                        List.of(props.path("PrimaryKey").path("Name").asString("id"))));
                case "AWS::S3::Bucket" -> out.resources.add(new Resource("bucket", r.getKey(), path, at, "CloudFormation", List.of()));
                case "AWS::SQS::Queue" -> out.resources.add(new Resource("queue", r.getKey(), path, at, "CloudFormation", List.of()));
                case "AWS::Events::Rule" -> {
                    String expr = props.path("ScheduleExpression").asString("");
                    if (!expr.isEmpty()) out.resources.add(new Resource("schedule", r.getKey(), path, at, "CloudFormation", List.of(expr)));
                }
                default -> {
                }
            }
        }
    }

    private static String name(JsonNode props, String field, String fallback) {
        var n = props.path(field);
        return n.isString() && n.asString().matches("[A-Za-z0-9_.-]{1,64}") ? n.asString() : fallback;
    }

    static Route route(String method, String path, String source, String file, int line, String runtime) {
        String m = method.toUpperCase(Locale.ROOT);
        if (m.equals("*")) m = "ANY";
        String p = path.startsWith("/") ? path : "/" + path;
        p = p.replaceAll("\\{([A-Za-z0-9_]+)\\+}", "{$1*}");
        if (p.length() > 1 && p.endsWith("/")) p = p.substring(0, p.length() - 1);
        return new Route(m, p, source, file, line, InfraFound.verdictFor(runtime), null, 0, InfraFound.noteFor(runtime));
    }
}
