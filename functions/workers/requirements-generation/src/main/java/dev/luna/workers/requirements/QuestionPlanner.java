package dev.luna.workers.requirements;

import dev.luna.codebase.endpoint.Endpoint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Open questions where the code is ambiguous: an endpoint without security annotations beside secured ones of the
 * same class or resource ({@code auth-gap}); a request body nothing validates, or constraints a handler does not
 * enforce ({@code unvalidated-input}); a TODO/FIXME in a file that implements behaviour ({@code todo}).
 */
final class QuestionPlanner {
    static final int MAX = 100;
    static final int MAX_TODOS = 40;

    static List<Question> plan(ProjectEvidence evidence, EndpointStories.Access access) {
        var out = new ArrayList<Question>();
        authGaps(evidence, access, out);
        unvalidated(evidence, out);
        todos(evidence, out);
        var numbered = new ArrayList<Question>();
        for (var q : out) {
            if (numbered.size() == MAX) break;
            numbered.add(new Question("Q" + (numbered.size() + 1), q.kind(), q.question(), q.links()));
        }
        return numbered;
    }

    private static void authGaps(ProjectEvidence evidence, EndpointStories.Access access, List<Question> out) {
        var groups = new TreeMap<String, List<Endpoint>>();
        for (var e : evidence.endpoints()) {
            int hash = e.handler().indexOf('#');
            groups.computeIfAbsent(hash > 0 ? e.handler().substring(0, hash) : Words.resource(e.path()), k -> new ArrayList<>()).add(e);
        }
        for (var g : groups.values()) {
            var secured = g.stream().filter(e -> access.of(e.handler()).secured()).toList();
            if (secured.isEmpty()) continue;
            var neighbour = secured.getFirst();
            var rule = access.of(neighbour.handler());
            for (var e : g) {
                var who = access.of(e.handler());
                if (who.secured() || who.open() || !mutating(e.method()) && mutating(neighbour.method())) continue;
                String need = rule.roles().isEmpty() ? "authentication" : "the " + rule.roles().getFirst().toUpperCase(java.util.Locale.ROOT) + " role";
                var links = Links.clean(List.of(evidence.links().of(e.file(), e.startLine(), e.endLine()),
                        rule.evidence() == null ? null : evidence.link(rule.evidence())));
                if (!links.isEmpty()) out.add(new Question(null, "auth-gap", "Should " + e.method() + " " + e.path() + " require " + need + " like "
                        + neighbour.method() + " " + neighbour.path() + "? It has no security annotation of its own.", links));
            }
        }
    }

    private static boolean mutating(String method) {
        return !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
    }

    private static void unvalidated(ProjectEvidence evidence, List<Question> out) {
        for (var e : evidence.endpoints()) {
            if (e.request() == null || e.request().ref() == null) continue;
            var shape = evidence.model().shape(e.request().ref());
            if (shape == null || shape.properties().isEmpty()) continue;
            boolean constrained = evidence.kind("validation").stream().anyMatch(v -> v.name().startsWith(shape.qualified() + ".")
                    || v.name().startsWith(e.handler() + "/"));
            var endpointLink = evidence.links().of(e.file(), e.startLine(), e.endLine());
            var shapeLink = evidence.links().of(shape.file(), shape.line(), shape.line());
            var links = Links.clean(List.of(endpointLink, shapeLink));
            if (links.isEmpty()) continue;
            if (!constrained) {
                out.add(new Question(null, "unvalidated-input", "Which values of " + shape.name() + " should " + e.method() + " " + e.path()
                        + " accept? Nothing in the code validates its fields.", links));
            } else if (!validates(evidence, e.handler())) {
                out.add(new Question(null, "unvalidated-input", "Are the constraints on " + shape.name() + " enforced for " + e.method() + " " + e.path()
                        + "? Its body parameter is not marked @Valid or @Validated.", links));
            }
        }
    }

    /** Whether the handler asks for validation ({@code @Valid}/{@code @Validated} on a parameter or the class); true when unknown. */
    private static boolean validates(ProjectEvidence evidence, String handler) {
        var h = evidence.handler(handler);
        if (h == null) return true;
        if (h.type().annotation("Validated") != null) return true;
        return h.method().parameters().stream().anyMatch(p -> p.annotation("Valid") != null || p.annotation("Validated") != null);
    }

    private static void todos(ProjectEvidence evidence, List<Question> out) {
        Set<String> behaving = new HashSet<>();
        evidence.endpoints().forEach(e -> behaving.add(e.file()));
        for (String k : List.of("cli-command", "scheduled-job", "message-consumer", "ui-route")) evidence.kind(k).forEach(b -> behaving.add(b.file()));
        evidence.model().shapes().stream().filter(s -> s.kind().equals("entity")).forEach(s -> behaving.add(s.file()));
        int n = 0;
        for (var t : evidence.kind("todo")) {
            if (n == MAX_TODOS) break;
            if (!behaving.contains(t.file()) || ProjectEvidence.test(t.file())) continue;
            var links = Links.clean(List.of(evidence.link(t)));
            if (links.isEmpty()) continue;
            n++;
            out.add(new Question(null, "todo", "The code notes \"" + Words.line(t.detail().replaceFirst("^(//+|#+|/\\*+|\\*+|<!--)\\s*", ""), 120) + "\": is this behaviour final, and what should it do?", links));
        }
    }
}
