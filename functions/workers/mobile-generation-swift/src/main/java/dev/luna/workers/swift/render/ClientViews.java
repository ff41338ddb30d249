package dev.luna.workers.swift.render;

import dev.luna.workers.swift.plan.AppPlan;
import dev.luna.workers.swift.plan.Endpoint;
import dev.luna.workers.swift.plan.SwiftNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The views of APIClient.swift and APIClientTests.swift. */
final class ClientViews {
    static final int MAX_TESTS = 12;

    private ClientViews() {
    }

    static Map<String, Object> client(AppPlan plan) {
        var view = base(plan);
        var endpoints = new ArrayList<Map<String, Object>>();
        for (Endpoint e : plan.endpoints()) {
            var v = new LinkedHashMap<String, Object>();
            v.put("function", e.function());
            v.put("method", e.method());
            v.put("summary", e.summary());
            v.put("pathComment", e.path().replace("*/", "* /"));
            v.put("signature", signature(e));
            v.put("returnType", e.returnType());
            v.put("query", e.params().stream().filter(p -> !p.inPath())
                    .map(p -> Map.of("name", p.name(), "wire", SwiftNames.literal(p.wire()), "optional", p.optional())).toList());
            v.put("swiftPath", swiftPath(e));
            v.put("bodyArgument", e.bodyType() == null ? "Optional<JSONValue>.none" : "body");
            endpoints.add(v);
        }
        view.put("endpoints", endpoints);
        view.put("applePay", plan.options().applePay());
        view.put("paymentPath", plan.payment() == null ? "/payments" : SwiftNames.literal(plan.payment().path()));
        return view;
    }

    static Map<String, Object> tests(AppPlan plan) {
        var view = base(plan);
        var tests = new ArrayList<Map<String, Object>>();
        for (Endpoint e : plan.endpoints()) {
            if (!e.method().equals("GET") || tests.size() == MAX_TESTS) continue;
            var v = new LinkedHashMap<String, Object>();
            v.put("testName", SwiftNames.type(e.function()) + "SendsItsRequest");
            v.put("function", e.function());
            v.put("method", e.method());
            v.put("arguments", arguments(e));
            v.put("expectedPath", SwiftNames.literal(samplePath(e)));
            boolean list = e.returnType() != null && e.returnType().startsWith("[");
            v.put("answerLiteral", rawString(list ? "[" + sample(plan, e) + "]" : sample(plan, e)));
            v.put("resultBinding", list ? "let result = " : "_ = ");
            v.put("countCheck", list);
            tests.add(v);
        }
        view.put("tests", tests);
        var first = plan.endpoints().get(0);
        view.put("errorCall", (first.returnType() != null ? "_ = " : "") + "try await api." + first.function() + "(" + arguments(first) + ")");
        return view;
    }

    private static Map<String, Object> base(AppPlan plan) {
        var view = new LinkedHashMap<String, Object>();
        view.put("coreName", SwiftProject.coreName(plan));
        view.put("appNameLiteral", SwiftNames.literal(plan.appName()));
        view.put("baseUrl", SwiftNames.literal(plan.options().baseUrl()));
        view.put("source", plan.document() != null ? "the OpenAPI document " + SwiftNames.comment(plan.document()) : "the endpoints found in its code");
        return view;
    }

    static String signature(Endpoint e) {
        var parts = new ArrayList<String>();
        for (var p : e.params()) parts.add(p.name() + ": " + p.type() + (p.optional() ? "? = nil" : ""));
        if (e.bodyType() != null) parts.add("body: " + e.bodyType());
        return String.join(", ", parts);
    }

    /** {@code /pets/{petId}} → {@code /pets/\(Self.segment(petId))}, the fixed parts escaped for a Swift string. */
    static String swiftPath(Endpoint e) {
        String path = e.path();
        var out = new StringBuilder();
        var m = java.util.regex.Pattern.compile("\\{([^}/]+)}").matcher(path);
        int last = 0;
        var params = e.pathParams();
        int i = 0;
        while (m.find()) {
            out.append(escapePath(path.substring(last, m.start())));
            out.append("\\(Self.segment(").append(params.get(i++).name()).append("))");
            last = m.end();
        }
        out.append(escapePath(path.substring(last)));
        return out.toString();
    }

    private static String escapePath(String s) {
        return SwiftNames.literal(s).replace("\\(", "\\\\(");
    }

    /** Arguments for a call in a test: sample path values, required query values, a body of its type. */
    static String arguments(Endpoint e) {
        var parts = new ArrayList<String>();
        for (var p : e.params()) {
            if (p.optional()) continue;
            parts.add(p.name() + ": " + sampleValue(p.type()));
        }
        if (e.bodyType() != null) parts.add("body: try JSONDecoder().decode(" + e.bodyType() + ".self, from: Data(\"" + (e.bodyType().startsWith("[") ? "[]" : "{}") + "\".utf8))");
        return String.join(", ", parts);
    }

    static String samplePath(Endpoint e) {
        String path = e.path();
        for (var p : e.pathParams()) path = path.replace("{" + p.wire() + "}", p.type().equals("Bool") ? "true" : "1");
        return path;
    }

    private static String sampleValue(String type) {
        return switch (type) {
            case "Int" -> "1";
            case "Double" -> "1";
            case "Bool" -> "true";
            default -> "\"1\"";
        };
    }

    private static String sample(AppPlan plan, Endpoint e) {
        String type = e.returnType();
        if (type == null) return "{}";
        String element = type.startsWith("[") ? type.substring(1, type.length() - 1) : type;
        return SwiftProject.example(plan, element);
    }

    /** A Swift string literal holding {@code text} (backslashes and quotes escaped). */
    static String rawString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

}
