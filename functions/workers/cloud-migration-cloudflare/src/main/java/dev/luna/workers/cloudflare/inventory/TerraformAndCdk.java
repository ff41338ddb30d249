package dev.luna.workers.cloudflare.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AWS resources declared in Terraform ({@code resource "aws_…" "name"} blocks) and in the AWS CDK
 * ({@code new dynamodb.Table(this, 'Name', …)}), read line by line: no HCL or program is evaluated.
 */
public final class TerraformAndCdk {
    private static final Pattern TF = Pattern.compile("^\\s*resource\\s+\"(aws_[a-z0-9_]+)\"\\s+\"([A-Za-z0-9_-]+)\"");
    private static final Pattern TF_ATTR = Pattern.compile("^\\s*([a-z_]+)\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern CDK = Pattern.compile("new\\s+(?:[A-Za-z_]+\\.)?(Table|Bucket|Queue|Function|NodejsFunction|Rule)\\(\\s*(?:this|self|scope)\\s*,\\s*['\"]([A-Za-z0-9_-]+)['\"]");
    private static final Pattern CDK_KEY = Pattern.compile("partitionKey\\s*:\\s*\\{\\s*name\\s*:\\s*['\"]([A-Za-z0-9_]+)['\"]");
    private static final Pattern CDK_SCHEDULE = Pattern.compile("Schedule\\.(?:expression\\(\\s*['\"]([^'\"]+)['\"]|cron\\()");

    private TerraformAndCdk() {
    }

    public static void terraform(String path, String text, InfraFound out) {
        var lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = TF.matcher(lines[i]);
            if (!m.find()) continue;
            var attrs = new java.util.LinkedHashMap<String, String>();
            for (int j = i + 1; j < lines.length && !TF.matcher(lines[j]).find(); j++) {
                Matcher a = TF_ATTR.matcher(lines[j]);
                if (a.find()) attrs.putIfAbsent(a.group(1), a.group(2));
            }
            String name = m.group(2);
            int line = i + 1;
            switch (m.group(1)) {
                case "aws_dynamodb_table" -> {
                    var keys = new ArrayList<String>();
                    if (attrs.containsKey("hash_key")) keys.add(attrs.get("hash_key"));
                    if (attrs.containsKey("range_key")) keys.add(attrs.get("range_key"));
                    out.resources.add(new Resource("table", name, path, line, "Terraform", keys));
                }
                case "aws_s3_bucket" -> out.resources.add(new Resource("bucket", name, path, line, "Terraform", List.of()));
                case "aws_sqs_queue" -> out.resources.add(new Resource("queue", name, path, line, "Terraform", List.of()));
                case "aws_lambda_function" -> out.resources.add(new Resource("function", name, path, line, "Terraform",
                        List.of(attrs.getOrDefault("runtime", ""), attrs.getOrDefault("handler", ""))));
                case "aws_cloudwatch_event_rule", "aws_scheduler_schedule" -> {
                    String expr = attrs.getOrDefault("schedule_expression", "");
                    if (!expr.isEmpty()) out.resources.add(new Resource("schedule", name, path, line, "Terraform", List.of(expr)));
                }
                case "aws_apigatewayv2_route" -> {
                    String key = attrs.getOrDefault("route_key", "");
                    String[] parts = key.split("\\s+", 2);
                    if (parts.length == 2 && parts[1].startsWith("/")) out.routes.add(AwsTemplates.route(parts[0], parts[1], "Terraform", path, line, ""));
                }
                default -> {
                }
            }
        }
    }

    public static void cdk(String path, String text, InfraFound out) {
        var lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = CDK.matcher(lines[i]);
            if (!m.find()) continue;
            String window = String.join("\n", java.util.Arrays.asList(lines).subList(i, Math.min(lines.length, i + 8)));
            String name = m.group(2);
            switch (m.group(1)) {
                case "Table" -> {
                    Matcher k = CDK_KEY.matcher(window);
                    out.resources.add(new Resource("table", name, path, i + 1, "CDK", k.find() ? List.of(k.group(1)) : List.of("id")));
                }
                case "Bucket" -> out.resources.add(new Resource("bucket", name, path, i + 1, "CDK", List.of()));
                case "Queue" -> out.resources.add(new Resource("queue", name, path, i + 1, "CDK", List.of()));
                case "Rule" -> {
                    Matcher s = CDK_SCHEDULE.matcher(window);
                    if (s.find()) out.resources.add(new Resource("schedule", name, path, i + 1, "CDK", List.of(s.group(1) == null ? "" : s.group(1))));
                }
                default -> out.resources.add(new Resource("function", name, path, i + 1, "CDK", List.of(window.contains("NODEJS") ? "nodejs" : "", "")));
            }
        }
    }
}
