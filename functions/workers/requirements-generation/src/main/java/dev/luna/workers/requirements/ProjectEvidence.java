package dev.luna.workers.requirements;

import dev.luna.codebase.ProjectModel;
import dev.luna.codebase.behaviour.Behaviour;
import dev.luna.codebase.behaviour.MappedHandlers;
import dev.luna.codebase.endpoint.Endpoint;
import dev.luna.codebase.java.MethodSymbol;
import dev.luna.codebase.java.TypeSymbol;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The analysed project and its behavioural evidence, with the look-ups the planners share. */
final class ProjectEvidence {
    record Handler(TypeSymbol type, MethodSymbol method) {
    }

    private final ProjectModel model;
    private final List<Behaviour> behaviours;
    private final Links links;
    private final Map<String, List<Behaviour>> byKind = new HashMap<>();
    private final Map<String, Handler> handlers = new HashMap<>();
    private final Map<String, TypeSymbol> types = new HashMap<>();
    private final List<Endpoint> endpoints;

    ProjectEvidence(ProjectModel model, List<Behaviour> behaviours) {
        this.model = model;
        this.behaviours = List.copyOf(behaviours);
        this.links = new Links(model.files());
        var all = new ArrayList<>(model.endpoints());
        all.addAll(MappedHandlers.find(model.java(), model.endpoints()));
        all.sort(Endpoint.ORDER);
        this.endpoints = List.copyOf(all);
        for (var b : behaviours) byKind.computeIfAbsent(b.kind(), k -> new ArrayList<>()).add(b);
        for (var t : model.java().types()) {
            types.put(t.fqn(), t);
            for (var m : t.methods()) handlers.put(t.fqn() + "#" + m.signature(), new Handler(t, m));
        }
    }

    ProjectModel model() {
        return model;
    }

    /** The model's HTTP endpoints and the mapped handlers of classes it did not take for controllers ({@link MappedHandlers}). */
    List<Endpoint> endpoints() {
        return endpoints;
    }

    List<Behaviour> behaviours() {
        return behaviours;
    }

    Links links() {
        return links;
    }

    List<Behaviour> kind(String kind) {
        return byKind.getOrDefault(kind, List.of());
    }

    /** The Java method an endpoint's handler names ({@code com.acme.Api#get(long)}), or null. */
    Handler handler(String symbol) {
        return handlers.get(symbol);
    }

    TypeSymbol type(String fqn) {
        return types.get(fqn);
    }

    Link link(Behaviour b) {
        return links.of(b.file(), b.startLine(), b.endLine());
    }

    /** Whether {@code path} is a test source. */
    static boolean test(String path) {
        return path.matches("(?i)(^|.*/)(src/test|tests?|__tests__|spec)/.*|.*(Tests?|IT|Spec)\\.(java|kt)$|.*\\.(test|spec)\\.[cm]?[jt]sx?$"
                + "|(^|.*/)test_[^/]*\\.py$|.*_test\\.(py|go)$");
    }
}
