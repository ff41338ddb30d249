package dev.luna.workers.design;

import static dev.luna.workers.design.Names.label;

import dev.luna.codebase.architecture.Layer;
import dev.luna.codebase.architecture.RequestFlow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/** The dependency graph as a Mermaid {@code flowchart} (one subgraph per layer) and request flows as {@code sequenceDiagram}s. */
final class MermaidFlows {
    private MermaidFlows() {
    }

    static String dependencies(SystemView view) {
        var ids = new Names();
        var sb = new StringBuilder("flowchart LR\n");
        for (var layer : Layer.values()) {
            var members = view.graph.nodes.stream().filter(n -> n.layer() == layer).toList();
            if (members.isEmpty()) continue;
            sb.append("  subgraph ").append(ids.id("layer", layer.wire())).append("[\"").append(layer.wire()).append(" layer\"]\n");
            for (var n : members) {
                sb.append("    ").append(ids.id("n", n.key())).append("[\"").append(label(n.label())).append("<br/>").append(n.files())
                        .append(" files, ").append(n.lines()).append(" lines\"]\n");
            }
            sb.append("  end\n");
        }
        var violations = new ArrayList<Integer>();
        var cycles = new ArrayList<Integer>();
        int index = 0;
        for (var e : view.graph.edges) {
            sb.append("  ").append(ids.id("n", e.from())).append(e.violation() || e.cycle() ? " -.->|" : " -->|").append(e.weight())
                    .append("| ").append(ids.id("n", e.to())).append('\n');
            if (e.violation()) violations.add(index);
            else if (e.cycle()) cycles.add(index);
            index++;
        }
        for (var n : view.graph.nodes) if (n.key().startsWith(Collapsed.OTHER)) sb.append("  class ").append(ids.id("n", n.key())).append(" other\n");
        sb.append("  classDef other fill:#eeeeee,stroke:#999999,stroke-dasharray:3 3\n");
        if (!violations.isEmpty()) sb.append("  linkStyle ").append(join(violations)).append(" stroke:#d62728,stroke-width:2px\n");
        if (!cycles.isEmpty()) sb.append("  linkStyle ").append(join(cycles)).append(" stroke:#ff7f0e,stroke-width:2px\n");
        return sb.toString();
    }

    /** One request flow: the client, then each participant in order of first appearance. */
    static String sequence(RequestFlow flow, SystemView view) {
        var ids = new Names();
        var participants = new LinkedHashMap<String, String>();
        for (var s : flow.steps()) {
            participants.putIfAbsent(s.from(), null);
            participants.putIfAbsent(s.to(), null);
        }
        var externals = view.externalsById();
        var sb = new StringBuilder("sequenceDiagram\n");
        sb.append("  title ").append(label(flow.method() + " " + flow.path())).append('\n');
        for (var p : participants.keySet()) {
            String id = ids.id("p", p);
            if (p.equals("client")) sb.append("  actor ").append(id).append(" as Client\n");
            else if (p.startsWith("ext:")) {
                var x = externals.get(p.substring(4));
                sb.append("  participant ").append(id).append(" as ").append(label(x == null ? p.substring(4) : x.name())).append('\n');
            } else sb.append("  participant ").append(id).append(" as ").append(label(shortName(p))).append('\n');
        }
        for (var s : flow.steps()) {
            sb.append("  ").append(ids.id("p", s.from())).append("->>").append(ids.id("p", s.to())).append(": ").append(label(s.label()))
                    .append('\n');
        }
        return sb.toString();
    }

    /** A type's simple name ({@code com.acme.Foo} → {@code Foo}) or a file's name. */
    static String shortName(String participant) {
        if (participant.contains("/")) return participant.substring(participant.lastIndexOf('/') + 1);
        return participant.substring(participant.lastIndexOf('.') + 1);
    }

    private static String join(List<Integer> indices) {
        var sb = new StringBuilder();
        for (int i : indices) sb.append(sb.isEmpty() ? "" : ",").append(i);
        return sb.toString();
    }
}
