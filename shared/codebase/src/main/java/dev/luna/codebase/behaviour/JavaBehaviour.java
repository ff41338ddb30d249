package dev.luna.codebase.behaviour;

import dev.luna.codebase.java.AnnotationUse;
import dev.luna.codebase.java.FieldSymbol;
import dev.luna.codebase.java.JavaModel;
import dev.luna.codebase.java.MethodSymbol;
import dev.luna.codebase.java.TypeSymbol;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Behaviour the Java model's annotations declare: {@code @Scheduled} jobs; Kafka, SQS, RabbitMQ and JMS listeners and
 * SQS Lambda handlers; picocli and Spring Shell commands; {@code @Value} and {@code @ConfigurationProperties}
 * configuration; JUnit tests (with {@code @DisplayName}); security annotations; Bean Validation constraints.
 */
final class JavaBehaviour {
    static final Set<String> CONSTRAINTS = Set.of("NotNull", "NotBlank", "NotEmpty", "Size", "Min", "Max", "Email", "Pattern", "Positive",
            "PositiveOrZero", "Negative", "NegativeOrZero", "Past", "PastOrPresent", "Future", "FutureOrPresent", "DecimalMin", "DecimalMax",
            "Digits", "Length", "Range", "URL");
    static final Set<String> SECURITY = Set.of("PreAuthorize", "PostAuthorize", "Secured", "RolesAllowed", "PermitAll", "DenyAll");
    static final Set<String> TESTS = Set.of("Test", "ParameterizedTest", "RepeatedTest", "TestFactory");
    private static final List<String[]> LISTENERS = List.of(new String[] {"KafkaListener", "topics", "topicPattern", "value"},
            new String[] {"SqsListener", "value", "queueNames", "queues"}, new String[] {"RabbitListener", "queues", "value", "bindings"},
            new String[] {"JmsListener", "destination", "value"}, new String[] {"StreamListener", "value", "target"},
            new String[] {"EventListener", "value", "classes"});

    private JavaBehaviour() {
    }

    static List<Behaviour> find(JavaModel java, UnaryOperator<String> mask) {
        var out = new ArrayList<Behaviour>();
        for (var t : java.types()) {
            type(t, mask, out);
            for (var f : t.fields()) field(t, f, mask, out);
            for (var m : t.methods()) method(t, m, mask, out);
        }
        return out;
    }

    private static void type(TypeSymbol t, UnaryOperator<String> mask, List<Behaviour> out) {
        var command = t.annotation("Command");
        if (command != null && t.annotation("Component") == null) {
            String name = first(command, "name", "value");
            out.add(at(t, "cli-command", name == null ? t.name() : name, describe(command, mask)));
        }
        if (t.annotation("ShellComponent") != null) out.add(at(t, "cli-command", t.name(), "@ShellComponent"));
        var props = t.annotation("ConfigurationProperties");
        if (props != null) {
            String prefix = first(props, "prefix", "value");
            if (prefix != null) {
                for (var f : t.fields()) {
                    if (f.modifiers().contains("static")) continue;
                    out.add(new Behaviour("config-flag", prefix + "." + kebab(f.name()), "@ConfigurationProperties " + f.type(), t.file(), f.line(), f.line()));
                }
            }
        }
        for (var a : t.annotations()) if (SECURITY.contains(a.name())) out.add(at(t, "auth", t.fqn(), describe(a, mask)));
        if (t.supertypes().stream().anyMatch(s -> s.contains("RequestHandler<SQSEvent") || s.contains("RequestHandler<KinesisEvent")
                || s.contains("RequestHandler<SNSEvent"))) {
            out.add(at(t, "message-consumer", t.name(), "AWS Lambda " + t.supertypes().getFirst().replaceAll("^.*RequestHandler<([A-Za-z]+).*$", "$1")));
        }
    }

    private static void field(TypeSymbol t, FieldSymbol f, UnaryOperator<String> mask, List<Behaviour> out) {
        var value = f.annotation("Value");
        if (value != null) key(value.first("value")).forEach(k -> out.add(new Behaviour("config-flag", k, "@Value " + f.type(), t.file(), f.line(), f.line())));
        for (var a : f.annotations()) {
            if (CONSTRAINTS.contains(a.name())) out.add(new Behaviour("validation", t.fqn() + "." + f.name(), describe(a, mask), t.file(), f.line(), f.line()));
        }
    }

    private static void method(TypeSymbol t, MethodSymbol m, UnaryOperator<String> mask, List<Behaviour> out) {
        String symbol = t.fqn() + "#" + m.signature();
        var scheduled = m.annotation("Scheduled");
        if (scheduled != null) out.add(at(t, m, "scheduled-job", t.name() + "#" + m.name(), describe(scheduled, mask)));
        for (var l : LISTENERS) {
            var a = m.annotation(l[0]);
            if (a == null) continue;
            String name = null;
            for (int i = 1; i < l.length && name == null; i++) name = a.first(l[i]);
            out.add(at(t, m, "message-consumer", name == null ? t.name() + "#" + m.name() : mask.apply(name), "@" + l[0] + " " + t.name() + "#" + m.name()));
        }
        var command = m.annotation("Command");
        if (command != null) out.add(at(t, m, "cli-command", firstOr(command, m.name(), "name", "value"), describe(command, mask)));
        var shell = m.annotation("ShellMethod");
        if (shell != null) out.add(at(t, m, "cli-command", firstOr(shell, m.name(), "key"), describe(shell, mask)));
        if (m.annotations().stream().anyMatch(a -> TESTS.contains(a.name()))) {
            var display = m.annotation("DisplayName");
            String name = display != null && display.first("value") != null ? display.first("value") : m.name();
            out.add(at(t, m, "test", mask.apply(name), t.name() + "#" + m.name()));
        }
        for (var a : m.annotations()) if (SECURITY.contains(a.name())) out.add(at(t, m, "auth", symbol, describe(a, mask)));
        for (var p : m.parameters()) {
            var value = p.annotation("Value");
            if (value != null) key(value.first("value")).forEach(k -> out.add(at(t, m, "config-flag", k, "@Value " + p.type())));
            for (var a : p.annotations()) {
                if (CONSTRAINTS.contains(a.name())) out.add(at(t, m, "validation", symbol + "/" + p.name(), describe(a, mask)));
            }
        }
    }

    /** The keys of a {@code ${key:default}} expression. */
    static List<String> key(String expression) {
        var out = new ArrayList<String>();
        if (expression == null) return out;
        var m = java.util.regex.Pattern.compile("\\$\\{([A-Za-z0-9_.\\-\\[\\]]+)").matcher(expression);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    /** {@code @Size(min=2, max=30)}: the annotation as a short text, literals masked. */
    static String describe(AnnotationUse a, UnaryOperator<String> mask) {
        if (a.values().isEmpty()) return "@" + a.name();
        var parts = new ArrayList<String>();
        a.values().forEach((k, v) -> {
            String value = v.size() == 1 ? v.getFirst() : v.toString();
            parts.add(k.equals("value") && a.values().size() == 1 ? value : k + "=" + value);
        });
        return Behaviours.detail("@" + a.name() + "(" + String.join(", ", parts) + ")", mask);
    }

    private static String first(AnnotationUse a, String... attributes) {
        for (String at : attributes) if (a.first(at) != null && !a.first(at).isBlank()) return a.first(at);
        return null;
    }

    private static String firstOr(AnnotationUse a, String fallback, String... attributes) {
        String v = first(a, attributes);
        return v == null ? fallback : v;
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static Behaviour at(TypeSymbol t, String kind, String name, String detail) {
        return new Behaviour(kind, name, detail, t.file(), t.startLine(), t.startLine());
    }

    private static Behaviour at(TypeSymbol t, MethodSymbol m, String kind, String name, String detail) {
        return new Behaviour(kind, name, detail, t.file(), m.startLine(), m.endLine());
    }
}
