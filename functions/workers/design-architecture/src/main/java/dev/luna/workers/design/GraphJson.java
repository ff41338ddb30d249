package dev.luna.workers.design;

import dev.luna.codebase.architecture.ArchitectureModel;
import dev.luna.codebase.architecture.Location;
import dev.luna.core.Json;
import dev.luna.core.Violation;
import dev.luna.tasks.PayloadSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * {@code dependency-graph.json}: containers, components with their metrics, dependencies with evidence (flagged when they
 * go against the layering or close a cycle), cycles, violations, external systems and request flows; validated against
 * {@code dependency-graph.schema.json} (JSON Schema 2020-12) before the task succeeds.
 */
final class GraphJson {
    static final String SCHEMA_VERSION = "1.0";
    static final int MAX_FLOWS = 100;
    static final PayloadSchema SCHEMA = PayloadSchema.of(Json.tree(schemaText()));

    private GraphJson() {
    }

    static Map<String, Object> tree(String name, ArchitectureModel model, Collapsed collapsed) {
        var out = new LinkedHashMap<String, Object>();
        out.put("schemaVersion", SCHEMA_VERSION);
        out.put("project", name);
        out.put("containers", model.containers().stream().map(m -> map("root", m.root(), "name", m.name(), "kind", m.kind(), "manifest", m.manifest())).toList());
        var metrics = new LinkedHashMap<String, Object>();
        for (var m : model.metrics()) metrics.put(m.component(), map("afferent", m.afferent(), "efferent", m.efferent(), "instability", m.instability(),
                "abstractness", m.abstractness(), "distance", m.distance()));
        out.put("components", model.components().stream().map(c -> map("id", c.id(), "name", c.name(), "container", c.container(),
                "layer", c.layer().wire(), "language", c.language(), "files", c.files().size(), "lines", c.lines(), "types", c.types(),
                "diagramNode", collapsed.nodeOf.get(c.id()), "metrics", metrics.get(c.id()))).toList());
        var violating = new HashSet<String>();
        for (var v : model.violations()) violating.add(v.from() + "\u0000" + v.to());
        var closing = new HashSet<String>();
        for (var c : model.cycles()) for (var e : c.closing()) closing.add(e.from() + "\u0000" + e.to());
        out.put("edges", model.edges().stream().map(e -> map("from", e.from(), "to", e.to(), "weight", e.weight(), "evidence", strings(e.evidence()),
                "violation", violating.contains(e.from() + "\u0000" + e.to()), "closesCycle", closing.contains(e.from() + "\u0000" + e.to()))).toList());
        out.put("cycles", model.cycles().stream().map(c -> map("components", c.components(), "closing", c.closing().stream()
                .map(e -> map("from", e.from(), "to", e.to())).toList())).toList());
        out.put("violations", model.violations().stream().map(v -> map("from", v.from(), "fromLayer", v.fromLayer().wire(), "to", v.to(),
                "toLayer", v.toLayer().wire(), "weight", v.weight(), "evidence", strings(v.evidence()))).toList());
        out.put("externals", model.externals().stream().map(x -> map("id", x.id(), "name", x.name(), "kind", x.kind(), "technology", x.technology(),
                "usedBy", x.usedBy(), "evidence", x.evidence().stream().map(e -> map("how", e.how(), "at", e.at().toString(), "detail", e.detail())).toList()))
                .toList());
        out.put("flows", model.flows().stream().limit(MAX_FLOWS).map(f -> map("method", f.method(), "path", f.path(), "handler", f.handler(),
                "at", f.at().toString(), "steps", f.steps().stream().map(s -> map("from", s.from(), "to", s.to(), "label", s.label(), "at", s.at().toString()))
                        .toList())).toList());
        out.put("types", model.types().stream().filter(Refactorings::god).map(t -> map("type", t.type(), "component", t.component(), "at",
                t.file() + ":" + t.line(), "lines", t.lines(), "methods", t.methods(), "fanIn", t.fanIn(), "fanOut", t.fanOut())).toList());
        return out;
    }

    static byte[] bytes(Map<String, Object> tree) {
        String text = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(tree).replace("\r\n", "\n");
        return (text + "\n").getBytes(StandardCharsets.UTF_8);
    }

    static List<Violation> validate(byte[] json) {
        JsonNode node = Json.tree(new String(json, StandardCharsets.UTF_8));
        return SCHEMA.validate(node, "dependency-graph.json");
    }

    private static List<String> strings(List<Location> places) {
        return places.stream().map(Location::toString).toList();
    }

    private static Map<String, Object> map(Object... pairs) {
        var m = new LinkedHashMap<String, Object>();
        for (int i = 0; i < pairs.length; i += 2) m.put((String) pairs[i], pairs[i + 1]);
        return m;
    }

    static String schemaText() {
        try (InputStream in = GraphJson.class.getResourceAsStream("dependency-graph.schema.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
