package dev.luna.codebase.architecture;

import dev.luna.codebase.ProjectModel;
import dev.luna.codebase.endpoint.Endpoint;
import dev.luna.codebase.java.CallEdge;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Request flows: from each endpoint's handler down the call graph (type- or solver-resolved calls, not name guesses)
 * to the types it reaches, then to the data-layer types those use and the external systems their files talk to.
 * Participants are {@code client}, type names (Java) or file paths (scripts), and {@code ext:<id>}.
 */
final class RequestFlows {
    static final int MAX_DEPTH = 4;
    static final int MAX_STEPS = 14;

    private final Map<String, List<CallEdge>> calls = new TreeMap<>();
    private final Map<String, String> typeFile = new HashMap<>();
    private final Map<String, Layer> typeLayer = new HashMap<>();
    private final Map<String, List<String>> dataUses = new HashMap<>();
    private final Map<String, List<String[]>> fileImports = new TreeMap<>();
    private final Map<String, List<ExternalSystem>> externalsOfFile = new TreeMap<>();

    private final Map<String, String> typeComponent = new HashMap<>();
    private final List<ExternalSystem> externals;

    RequestFlows(ProjectModel model, Components components, List<ExternalSystem> externals, LayerRules rules) {
        this.externals = externals;
        for (var c : model.java().calls()) if (!c.resolution().equals("name")) calls.computeIfAbsent(c.from(), k -> new ArrayList<>()).add(c);
        var layers = new HashMap<String, Layer>();
        for (var c : components.components) layers.put(c.id(), c.layer());
        for (var t : model.java().types()) {
            typeFile.put(t.fqn(), t.file());
            String component = components.byFile.get(t.file());
            if (component == null) continue;
            typeComponent.put(t.fqn(), component);
            var own = rules.ofType(t);
            typeLayer.put(t.fqn(), own != null ? own : layers.get(component));
        }
        for (var e : model.java().typeEdges()) {
            if ((e.kind().equals("field") || e.kind().equals("parameter")) && typeLayer.get(e.to()) == Layer.DATA && !e.from().equals(e.to())) {
                dataUses.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e.to());
            }
        }
        for (var e : model.imports()) if (e.target() != null) fileImports.computeIfAbsent(e.from(), k -> new ArrayList<>())
                .add(new String[] {e.target(), String.valueOf(e.line())});
        for (var x : externals) {
            for (var ev : x.evidence()) {
                if (!ev.how().equals("dependency")) externalsOfFile.computeIfAbsent(ev.at().file(), k -> new ArrayList<>()).add(x);
            }
        }
    }

    List<RequestFlow> all(List<Endpoint> endpoints) {
        var out = new ArrayList<RequestFlow>();
        for (var e : endpoints) out.add(flow(e));
        return out;
    }

    private RequestFlow flow(Endpoint e) {
        var steps = new ArrayList<FlowStep>();
        var at = new Location(e.file(), e.startLine());
        int hash = e.handler().indexOf('#');
        String handlerType = hash < 0 ? e.handler() : e.handler().substring(0, hash);
        boolean java = typeFile.containsKey(handlerType);
        String first = java ? handlerType : e.file();
        steps.add(new FlowStep("client", first, e.method() + " " + e.path(), at));
        var visited = new LinkedHashSet<String>();
        visited.add(first);
        if (java) walk(e.handler(), 1, steps, new LinkedHashSet<>(), visited);
        else scripts(e.file(), steps, visited);
        for (var participant : List.copyOf(visited)) {
            String file = java ? typeFile.get(participant) : participant;
            if (java && typeLayer.get(participant) == Layer.DOMAIN) continue;
            for (var x : reached(participant, file, java)) {
                if (steps.size() >= MAX_STEPS) break;
                String target = "ext:" + x.id();
                if (steps.stream().noneMatch(s -> s.from().equals(participant) && s.to().equals(target))) {
                    steps.add(new FlowStep(participant, target, operation(x.kind()), evidenceIn(x, file)));
                }
            }
        }
        return new RequestFlow(e.method(), e.path(), e.handler(), at, steps);
    }

    private void walk(String method, int depth, List<FlowStep> steps, Set<String> seen, Set<String> participants) {
        if (depth > MAX_DEPTH || !seen.add(method)) return;
        String type = method.substring(0, method.indexOf('#'));
        for (var c : calls.getOrDefault(method, List.of())) {
            if (steps.size() >= MAX_STEPS) return;
            String target = c.to().substring(0, c.to().indexOf('#'));
            String name = c.to().substring(c.to().indexOf('#') + 1);
            if (!target.equals(type) && !accessor(name) && steps.stream().noneMatch(s -> s.from().equals(type) && s.to().equals(target))) {
                steps.add(new FlowStep(type, target, name.substring(0, name.indexOf('(')) + "()", new Location(typeFile.getOrDefault(type, ""), c.line())));
                participants.add(target);
            }
            walk(c.to(), depth + 1, steps, seen, participants);
        }
        for (var repository : dataUses.getOrDefault(type, List.of())) {
            if (steps.size() >= MAX_STEPS || participants.contains(repository) || typeLayer.get(type) == Layer.DATA) continue;
            steps.add(new FlowStep(type, repository, "data access", new Location(typeFile.getOrDefault(type, ""), 0)));
            participants.add(repository);
        }
    }

    /** Getters and setters (get*, set*, is* with an upper-case letter next) say nothing about the flow. */
    private static boolean accessor(String signature) {
        return signature.matches("(get|set|is)[A-Z].*");
    }

    private void scripts(String file, List<FlowStep> steps, Set<String> participants) {
        for (var imported : fileImports.getOrDefault(file, List.of())) {
            if (steps.size() >= MAX_STEPS) return;
            if (participants.add(imported[0])) steps.add(new FlowStep(file, imported[0], "uses", new Location(file, Integer.parseInt(imported[1]))));
        }
    }

    /** The external systems a participant talks to: those its file shows, and a data-layer type's component's stores. */
    private List<ExternalSystem> reached(String participant, String file, boolean java) {
        var out = new ArrayList<>(externalsOfFile.getOrDefault(file, List.of()));
        if (java && typeLayer.get(participant) == Layer.DATA) {
            for (var x : externals) {
                boolean store = x.kind().equals("database") || x.kind().equals("cache") || x.kind().equals("search");
                if (store && x.usedBy().contains(typeComponent.get(participant)) && !out.contains(x)) out.add(x);
            }
        }
        return out;
    }

    private static Location evidenceIn(ExternalSystem x, String file) {
        for (var ev : x.evidence()) if (ev.at().file().equals(file)) return ev.at();
        return new Location(file, 0);
    }

    private static String operation(String kind) {
        return switch (kind) {
            case "database", "cache", "search" -> "query";
            case "queue" -> "publish / consume";
            case "http" -> "HTTP request";
            case "email" -> "send mail";
            case "auth" -> "authenticate";
            default -> "call";
        };
    }
}
