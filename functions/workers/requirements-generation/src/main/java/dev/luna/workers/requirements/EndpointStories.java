package dev.luna.workers.requirements;

import dev.luna.codebase.behaviour.Behaviour;
import dev.luna.codebase.endpoint.Endpoint;
import dev.luna.codebase.endpoint.Param;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A story per HTTP endpoint, grouped by the resource its path names: who (security annotations, admin paths), what
 * (method and path), and acceptance criteria from the evidence: the success case (path, query and body inputs, the
 * declared status, the response type), required parameters left out, Bean Validation constraints broken, and access
 * without the required role.
 */
final class EndpointStories {
    static final int MAX_PARAM_SCENARIOS = 3;
    static final int MAX_CONSTRAINT_SCENARIOS = 5;
    private static final Map<String, String> STATUS = Map.of("OK", "200", "CREATED", "201", "ACCEPTED", "202", "NO_CONTENT", "204",
            "BAD_REQUEST", "400", "NOT_FOUND", "404", "CONFLICT", "409", "FOUND", "302", "SEE_OTHER", "303", "MOVED_PERMANENTLY", "301");
    private final ProjectEvidence evidence;
    private final Access access;
    private final String audience;

    EndpointStories(ProjectEvidence evidence, Access access, String audience) {
        this.evidence = evidence;
        this.access = access;
        this.audience = audience;
    }

    /** @param shared whether another endpoint has the same method and path (then the title names the handler too) */
    Draft draft(Endpoint e, String resource, boolean shared) {
        var who = access.of(e.handler());
        String role = Roles.role(who, e.path(), audience);
        Link at = evidence.links().of(e.file(), e.startLine(), e.endLine());
        String call = e.method() + " " + e.path();
        String title = shared ? call + " (" + Words.simpleType(e.handler()) + "#" + e.handler().replaceAll("^.*#", "").replaceAll("\\(.*$", "")
                + (e.produces().isEmpty() ? "" : ", " + e.produces().getFirst()) + ")" : call;
        var scenarios = new ArrayList<Scenario>();
        scenarios.add(success(e, who, role, call, title, at));
        int params = 0;
        for (Param p : e.params()) {
            if (!p.required() || p.in().equals("path") || p.in().equals("body") || params == MAX_PARAM_SCENARIOS) continue;
            params++;
            scenarios.add(new Scenario(null, call + " without the " + p.in() + " parameter \"" + p.name() + "\" is rejected",
                    List.of(new Step("Given", client(who, role)), new Step("When", "the client sends " + call + " without the " + p.in()
                            + " parameter \"" + p.name() + "\""), new Step("Then", "the response status is 400")), Links.clean(List.of(at))));
        }
        int constraints = 0;
        for (var c : constraints(e)) {
            if (constraints++ == MAX_CONSTRAINT_SCENARIOS) break;
            String field = c.name().replaceAll("^.*[./]", "");
            scenarios.add(new Scenario(null, call + " rejects a " + field + " that breaks " + c.detail(), List.of(
                    new Step("Given", client(who, role)), new Step("And", "a request whose \"" + field + "\" breaks " + c.detail()),
                    new Step("When", "the client sends " + call), new Step("Then", "the response status is 400")),
                    Links.clean(List.of(evidence.link(c), at))));
        }
        if (who.secured() && who.evidence() != null) {
            Link rule = evidence.link(who.evidence());
            if (who.roles().isEmpty()) {
                scenarios.add(new Scenario(null, call + " is refused to an anonymous client", List.of(new Step("Given", "an anonymous client"),
                        new Step("When", "the client sends " + call), new Step("Then", "the response status is 401")), Links.clean(List.of(rule, at))));
            } else {
                String needed = who.roles().getFirst().toUpperCase(Locale.ROOT);
                scenarios.add(new Scenario(null, call + " is refused without the " + needed + " role", List.of(
                        new Step("Given", "a signed-in user without the \"" + needed + "\" role"), new Step("When", "the client sends " + call),
                        new Step("Then", "the response status is 403")), Links.clean(List.of(rule, at))));
            }
        }
        var verb = Verbs.of(e.method(), e.path(), resource);
        var story = new Story(null, "endpoint", title, role, verb.want(), verb.soThat(), scenarios, Links.clean(List.of(at)));
        return new Draft(resource, Words.title(resource), story, "0 " + e.path() + " " + e.method() + " " + title);
    }

    private Scenario success(Endpoint e, Roles.Access who, String role, String call, String title, Link at) {
        var steps = new ArrayList<Step>();
        steps.add(new Step("Given", client(who, role)));
        for (Param p : e.params()) {
            if (p.in().equals("path")) steps.add(new Step("And", "the path parameter \"" + p.name() + "\" names an existing " + Words.singular(Words.human(Words.resource(e.path())))));
            else if (p.required() && !p.in().equals("body")) steps.add(new Step("And", "the " + p.in() + " parameter \"" + p.name() + "\" is given"));
        }
        if (e.request() != null) steps.add(new Step("And", "a valid " + type(e.request().source(), e.request().ref()) + " request body"));
        steps.add(new Step("When", "the client sends " + call));
        String status = declaredStatus(e.handler());
        steps.add(new Step("Then", status == null ? "the request succeeds with a 2xx status" : "the response status is " + status));
        if (e.response() != null && !"void".equals(e.response().source())) {
            steps.add(new Step("And", "the response body is a " + type(e.response().source(), e.response().ref())));
        }
        return new Scenario(null, title + " succeeds", steps, Links.clean(List.of(at)));
    }

    private static String client(Roles.Access who, String role) {
        if (!who.secured()) return "a client";
        return who.roles().isEmpty() ? "a signed-in " + role : "a signed-in " + role + " with the \"" + who.roles().getFirst().toUpperCase(Locale.ROOT) + "\" role";
    }

    private static String type(String source, String ref) {
        String t = source != null ? source : ref != null ? ref : "JSON";
        return Words.line(t, 80);
    }

    /** The status {@code @ResponseStatus} declares on the handler, or null. */
    private String declaredStatus(String handler) {
        var h = evidence.handler(handler);
        if (h == null || h.method().annotation("ResponseStatus") == null) return null;
        var a = h.method().annotation("ResponseStatus");
        String v = a.first("value") != null ? a.first("value") : a.first("code");
        if (v == null) return null;
        return STATUS.get(v.replaceAll("^.*\\.", ""));
    }

    /** Constraints on the handler's parameters and on the request body's fields. */
    private List<Behaviour> constraints(Endpoint e) {
        var out = new ArrayList<Behaviour>();
        for (var v : evidence.kind("validation")) if (v.name().startsWith(e.handler() + "/")) out.add(v);
        if (e.request() != null && e.request().ref() != null) {
            var shape = evidence.model().shape(e.request().ref());
            if (shape != null) for (var v : evidence.kind("validation")) if (v.name().startsWith(shape.qualified() + ".")) out.add(v);
        }
        return out;
    }

    /** Security annotations by symbol: a method's own win over its class's. */
    static final class Access {
        private final Map<String, List<Behaviour>> bySymbol = new java.util.HashMap<>();

        Access(List<Behaviour> auth) {
            for (var b : auth) bySymbol.computeIfAbsent(b.name(), k -> new ArrayList<>()).add(b);
        }

        Roles.Access of(String handler) {
            var own = bySymbol.get(handler);
            if (own != null) return Roles.access(own);
            int hash = handler.indexOf('#');
            var type = hash > 0 ? bySymbol.get(handler.substring(0, hash)) : null;
            return type == null ? Roles.Access.NONE : Roles.access(type);
        }
    }
}
