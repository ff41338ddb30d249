package dev.luna.workers.design;

import static dev.luna.workers.design.Names.label;

import dev.luna.codebase.architecture.ExternalSystem;

/** The C4 views as Mermaid ({@code C4Context}, {@code C4Container}, {@code C4Component}, {@code C4Deployment}). */
final class MermaidC4 {
    private final SystemView view;

    MermaidC4(SystemView view) {
        this.view = view;
    }

    String context() {
        var ids = new Names();
        var sb = new StringBuilder("C4Context\n");
        sb.append("  title ").append(label("System context of " + view.name)).append('\n');
        if (view.servesUsers) sb.append("  Person(p_user, \"User\", \"Uses the system over HTTP\")\n");
        sb.append("  System(s_system, \"").append(label(view.name)).append("\", \"").append(label(view.description)).append("\")\n");
        for (var x : view.externals) externalSystem(sb, ids, x, "System");
        if (view.servesUsers) sb.append("  Rel(p_user, s_system, \"Uses\", \"HTTP\")\n");
        for (var x : view.externals) {
            sb.append("  Rel(s_system, ").append(ids.id("ext", x.id())).append(", \"").append(label(SystemView.verb(x.kind()))).append("\", \"")
                    .append(label(x.technology())).append("\")\n");
        }
        return sb.toString();
    }

    String container() {
        var ids = new Names();
        var sb = new StringBuilder("C4Container\n");
        sb.append("  title ").append(label("Containers of " + view.name)).append('\n');
        if (view.servesUsers) sb.append("  Person(p_user, \"User\", \"Uses the system over HTTP\")\n");
        sb.append("  System_Boundary(s_system, \"").append(label(view.name)).append("\") {\n");
        for (var c : view.containers) {
            sb.append("    Container(").append(ids.id("ctr", c.key())).append(", \"").append(label(c.label())).append("\", \"")
                    .append(label(c.technology())).append("\", \"").append(c.components()).append(" components, ").append(c.lines()).append(" lines\")\n");
        }
        sb.append("  }\n");
        for (var x : view.externals) externalSystem(sb, ids, x, "System");
        if (view.servesUsers && view.entry() != null) {
            sb.append("  Rel(p_user, ").append(ids.id("ctr", view.entry().key())).append(", \"Uses\", \"HTTP\")\n");
        }
        for (var u : view.containerUses) {
            sb.append("  Rel(").append(ids.id("ctr", u.from())).append(", ").append(ids.id("ext", u.to())).append(", \"").append(label(u.label()))
                    .append("\", \"").append(label(u.technology())).append("\")\n");
        }
        return sb.toString();
    }

    String component() {
        var ids = new Names();
        var sb = new StringBuilder("C4Component\n");
        sb.append("  title ").append(label("Components of " + view.name + (view.graph.hidden > 0 ? ", the largest and most connected ("
                + view.graph.hidden + " more grouped)" : ""))).append('\n');
        for (var c : view.containers) {
            sb.append("  Container_Boundary(").append(ids.id("ctr", c.key())).append(", \"").append(label(c.label())).append("\") {\n");
            for (var n : view.graph.nodes) {
                if (!n.container().equals(c.key())) continue;
                sb.append("    Component(").append(ids.id("cmp", n.key())).append(", \"").append(label(n.label())).append("\", \"")
                        .append(label(n.layer().wire())).append("\", \"").append(n.files()).append(" files, ").append(n.lines()).append(" lines\")\n");
            }
            sb.append("  }\n");
        }
        for (var x : view.externals) externalSystem(sb, ids, x, "System");
        for (var e : view.graph.edges) {
            sb.append("  Rel(").append(ids.id("cmp", e.from())).append(", ").append(ids.id("cmp", e.to())).append(", \"")
                    .append(e.violation() ? "Uses, against the layering" : e.cycle() ? "Uses, closes a cycle" : "Uses").append("\", \"")
                    .append(e.weight()).append(" references\")\n");
        }
        for (var u : view.nodeUses) {
            sb.append("  Rel(").append(ids.id("cmp", u.from())).append(", ").append(ids.id("ext", u.to())).append(", \"").append(label(u.label()))
                    .append("\", \"").append(label(u.technology())).append("\")\n");
        }
        return sb.toString();
    }

    String deployment() {
        var ids = new Names();
        var sb = new StringBuilder("C4Deployment\n");
        sb.append("  title ").append(label("Deployment of " + view.name + ", inferred from the code")).append('\n');
        sb.append("  Deployment_Node(env, \"Production\", \"").append(view.docker ? "Docker" : "Server").append("\") {\n");
        for (var c : view.containers) {
            sb.append("    Deployment_Node(").append(ids.id("node", c.key())).append(", \"").append(label(c.label())).append(" runtime\", \"")
                    .append(label(c.runtime())).append("\") {\n");
            sb.append("      Container(").append(ids.id("ctr", c.key())).append(", \"").append(label(c.label())).append("\", \"")
                    .append(label(c.technology())).append("\")\n");
            sb.append("    }\n");
        }
        sb.append("  }\n");
        for (var x : view.externals) {
            sb.append("  Deployment_Node(").append(ids.id("host", x.id())).append(", \"").append(label(x.name())).append("\", \"")
                    .append(label(x.kind())).append("\") {\n");
            sb.append("    ").append(switch (x.kind()) {
                case "database", "cache", "search" -> "ContainerDb_Ext";
                case "queue" -> "ContainerQueue_Ext";
                default -> "Container_Ext";
            }).append('(').append(ids.id("ext", x.id())).append(", \"").append(label(x.name())).append("\", \"").append(label(x.technology()))
                    .append("\")\n  }\n");
        }
        for (var u : view.containerUses) {
            sb.append("  Rel(").append(ids.id("ctr", u.from())).append(", ").append(ids.id("ext", u.to())).append(", \"").append(label(u.label()))
                    .append("\")\n");
        }
        return sb.toString();
    }

    private static void externalSystem(StringBuilder sb, Names ids, ExternalSystem x, String level) {
        String kind = switch (x.kind()) {
            case "database", "cache", "search" -> level + "Db_Ext";
            case "queue" -> level + "Queue_Ext";
            default -> level + "_Ext";
        };
        sb.append("  ").append(kind).append('(').append(ids.id("ext", x.id())).append(", \"").append(label(x.name())).append("\", \"")
                .append(label(x.kind() + " via " + x.technology())).append("\")\n");
    }
}
