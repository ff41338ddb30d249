package dev.luna.workers.design;

import static dev.luna.workers.design.Names.label;

import dev.luna.codebase.architecture.Layer;
import java.util.Set;
import java.util.TreeSet;

/**
 * The same model as a Structurizr DSL workspace: a person, the software system with its containers and (collapsed)
 * components, the external systems, relationships at the component level (Structurizr implies the container and
 * system ones), a deployment environment, and the views asked for. Identifiers are flat and made by {@link Names}.
 */
final class WorkspaceDsl {
    private WorkspaceDsl() {
    }

    static String render(SystemView view, DesignOptions options) {
        var ids = new Names();
        var sb = new StringBuilder();
        sb.append("workspace \"").append(label(view.name)).append("\" \"Architecture recovered from the source code by Luna\" {\n\n");
        sb.append("    model {\n");
        if (view.servesUsers) sb.append("        p_user = person \"User\" \"Uses the system over HTTP\"\n");
        sb.append("        s_system = softwareSystem \"").append(label(view.name)).append("\" \"").append(label(view.description)).append("\" {\n");
        for (var c : view.containers) {
            sb.append("            ").append(ids.id("ctr", c.key())).append(" = container \"").append(label(c.label())).append("\" \"")
                    .append(c.components()).append(" components, ").append(c.lines()).append(" lines\" \"").append(label(c.technology())).append("\" {\n");
            for (var n : view.graph.nodes) {
                if (!n.container().equals(c.key())) continue;
                sb.append("                ").append(ids.id("cmp", n.key())).append(" = component \"").append(label(n.label())).append("\" \"")
                        .append(n.files()).append(" files, ").append(n.lines()).append(" lines\" \"").append(n.layer().wire()).append(" layer\"");
                sb.append(" {\n                    tags \"").append(n.key().startsWith(Collapsed.OTHER) ? "Grouped" : "Layer " + n.layer().wire())
                        .append("\"\n                }\n");
            }
            sb.append("            }\n");
        }
        sb.append("        }\n");
        for (var x : view.externals) {
            sb.append("        ").append(ids.id("ext", x.id())).append(" = softwareSystem \"").append(label(x.name())).append("\" \"")
                    .append(label(x.kind() + " via " + x.technology())).append("\" {\n            tags \"External\" \"").append(tag(x.kind()))
                    .append("\"\n        }\n");
        }
        sb.append('\n');
        if (view.servesUsers) {
            Set<String> targets = new TreeSet<>();
            for (var n : view.graph.nodes) if (n.layer() == Layer.WEB) targets.add(ids.id("cmp", n.key()));
            if (targets.isEmpty() && view.entry() != null) targets.add(ids.id("ctr", view.entry().key()));
            for (var t : targets) sb.append("        p_user -> ").append(t).append(" \"Uses\" \"HTTP\"\n");
        }
        for (var e : view.graph.edges) {
            sb.append("        ").append(ids.id("cmp", e.from())).append(" -> ").append(ids.id("cmp", e.to())).append(" \"")
                    .append(e.violation() ? "Uses, against the layering" : e.cycle() ? "Uses, closes a cycle" : "Uses").append("\" \"")
                    .append(e.weight()).append(" references\"\n");
        }
        var drawn = new TreeSet<String>();
        for (var u : view.nodeUses) {
            drawn.add(view.graph.nodes.stream().filter(n -> n.key().equals(u.from())).findFirst().map(n -> n.container()).orElse("") + "\u0000" + u.to());
            sb.append("        ").append(ids.id("cmp", u.from())).append(" -> ").append(ids.id("ext", u.to())).append(" \"").append(label(u.label()))
                    .append("\" \"").append(label(u.technology())).append("\"\n");
        }
        for (var u : view.containerUses) {
            if (drawn.contains(u.from() + "\u0000" + u.to())) continue;
            sb.append("        ").append(ids.id("ctr", u.from())).append(" -> ").append(ids.id("ext", u.to())).append(" \"").append(label(u.label()))
                    .append("\" \"").append(label(u.technology())).append("\"\n");
        }
        sb.append("\n        production = deploymentEnvironment \"Production\" {\n");
        for (var c : view.containers) {
            sb.append("            deploymentNode \"").append(label(c.label())).append(" runtime\" \"\" \"").append(label(c.runtime())).append("\" {\n")
                    .append("                containerInstance ").append(ids.id("ctr", c.key())).append("\n            }\n");
        }
        sb.append("        }\n    }\n\n    views {\n");
        if (options.draws(View.CONTEXT)) sb.append("        systemContext s_system \"context\" {\n            include *\n            autolayout lr\n        }\n");
        if (options.draws(View.CONTAINER)) sb.append("        container s_system \"containers\" {\n            include *\n            autolayout lr\n        }\n");
        if (options.draws(View.COMPONENT)) {
            for (var c : view.containers) {
                sb.append("        component ").append(ids.id("ctr", c.key())).append(" \"").append(ids.id("components", c.key()))
                        .append("\" {\n            include *\n            autolayout lr\n        }\n");
            }
        }
        if (options.draws(View.DEPLOYMENT)) sb.append("        deployment s_system production \"deployment\" {\n            include *\n            autolayout lr\n        }\n");
        sb.append("        styles {\n");
        sb.append("            element \"Person\" {\n                shape person\n            }\n");
        sb.append("            element \"External\" {\n                background #999999\n                color #ffffff\n            }\n");
        sb.append("            element \"Database\" {\n                shape cylinder\n            }\n");
        sb.append("            element \"Queue\" {\n                shape pipe\n            }\n");
        sb.append("            element \"Grouped\" {\n                background #eeeeee\n                border dashed\n            }\n");
        sb.append("        }\n    }\n}\n");
        return sb.toString();
    }

    private static String tag(String kind) {
        return switch (kind) {
            case "database", "cache", "search" -> "Database";
            case "queue" -> "Queue";
            default -> "Service";
        };
    }
}
