package dev.luna.workers.codeanalysis.security.bench;

import java.util.List;

/**
 * The holdout split's taint parts, written before any tuning and never tuned on: Spring handler sources (annotated
 * and plain parameters, request bodies), modern-Java flows (String.format, Optional, switch expressions, streams,
 * lambdas, guards, services and holders in other files) and other sink APIs. Sources define {@code input}, flows
 * define {@code value}, sinks use {@code value} and may set {@code result} (the handler's response body).
 */
final class HoldoutTaint {
    private HoldoutTaint() {
    }

    /** Handler parameters (besides request, response and session) and the line that defines {@code input}. */
    record Source(String params, String code) {
    }

    static final List<Source> SOURCES = List.of(
            new Source("@org.springframework.web.bind.annotation.RequestParam(\"q\") String q", "String input = q;"),
            new Source("@org.springframework.web.bind.annotation.RequestHeader(\"X-Data\") String header", "String input = header;"),
            new Source("@org.springframework.web.bind.annotation.CookieValue(name = \"pref\", defaultValue = \"\") String pref", "String input = pref;"),
            new Source("@org.springframework.web.bind.annotation.PathVariable String id", "String input = id;"),
            new Source("@org.springframework.web.bind.annotation.RequestBody bench.holdout.Payload body", "String input = body.getValue();"),
            new Source("String name", "String input = name;"),
            new Source("", "String input = request.getParameter(\"q\");"),
            new Source("", "String input = request.getParameterValues(\"q\")[0];"));

    static final List<Part> FLOWS = List.of(
            Part.of("format", true, "String value = String.format(\"%s-suffix\", input);"),
            Part.of("join", true, "String value = String.join(\",\", java.util.List.of(\"a\", input));"),
            Part.of("optional", true, "String value = java.util.Optional.ofNullable(input).orElse(\"default\");"),
            Part.of("arraySafe", false, "String[] parts = {input, \"x\"};\nString value = parts[1];"),
            Part.of("arrayTainted", true, "String[] parts = {\"x\", input};\nString value = parts[1];"),
            Part.of("switchExprSafe", false, "String mode = \"b\";\nString value = switch (mode) {\n    case \"a\" -> input;\n    default -> \"fixed\";\n};"),
            Part.of("switchExprTainted", true, "String mode = \"a\";\nString value = switch (mode) {\n    case \"a\" -> input;\n    default -> \"fixed\";\n};"),
            Part.of("whileLoop", true, "StringBuilder acc = new StringBuilder();\nint i = 0;\nwhile (i < 2) {\n    acc.append(input);\n    i++;\n}\nString value = acc.toString();"),
            Part.of("service", true, "String value = new bench.holdout.TextService().normalize(input);"),
            Part.of("serviceDigits", false, "String value = new bench.holdout.TextService().digits(input);"),
            Part.of("allowList", false, "if (!bench.holdout.Allowed.NAMES.contains(input)) {\n    return \"rejected\";\n}\nString value = input;"),
            Part.of("regexGuard", false, "if (!input.matches(\"[A-Za-z0-9]+\")) {\n    return \"bad\";\n}\nString value = input;"),
            Part.of("deadFlag", false, "String value = \"fixed\";\nif (bench.holdout.Flags.DEBUG) {\n    value = input;\n}"),
            Part.of("substring", true, "String value = input.substring(1).toLowerCase(java.util.Locale.ROOT);"),
            Part.of("stream", true, "String value = java.util.stream.Stream.of(input).map(s -> s.trim()).collect(java.util.stream.Collectors.joining());"),
            Part.of("ternary", true, "String value = input.isEmpty() ? \"empty\" : input;"),
            Part.of("right", false, "String value = RIGHT;"),
            Part.of("wrong", true, "String value = WRONG;"),
            Part.of("holder", true, "bench.holdout.Holder holder = new bench.holdout.Holder(input);\nString value = holder.get();"),
            Part.of("holderLabel", false, "bench.holdout.Holder holder = new bench.holdout.Holder(input);\nString value = holder.label();"),
            Part.of("tryParse", false, "String value;\ntry {\n    value = Integer.toString(Integer.parseInt(input));\n} catch (NumberFormatException e) {\n    value = \"0\";\n}"),
            Part.of("lambda", true, "StringBuilder sb = new StringBuilder();\njava.util.List.of(input).forEach(s -> sb.append(s));\nString value = sb.toString();"));
}
