package dev.luna.workers.cloudflare.inventory;

import dev.luna.codebase.ProjectModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

/** ORM entities ({@code @Entity} shapes of the project model) as D1 tables, where no SQL file declares the table already. */
final class Entities {
    private Entities() {
    }

    static List<Table> tables(ProjectModel model, List<Table> fromSql) {
        var known = new HashSet<String>();
        fromSql.forEach(t -> known.add(t.name()));
        var out = new ArrayList<Table>();
        for (var s : model.shapes()) {
            if (!s.kind().equals("entity")) continue;
            String name = snake(s.name());
            if (known.contains(name) || known.contains(name + "s")) continue;
            var defs = new ArrayList<String>();
            var changes = new ArrayList<String>();
            for (var p : s.properties()) {
                String col = snake(p.name());
                if (!col.matches("[a-z_][a-z0-9_]{0,62}")) continue;
                String type = p.schema().type();
                if (type == null || type.equals("array") || type.equals("object")) {
                    changes.add("relation `" + p.name() + "` left out (model it as a foreign key column or a join table)");
                    continue;
                }
                String d1 = switch (type) {
                    case "integer", "boolean" -> "INTEGER";
                    case "number" -> "REAL";
                    default -> "TEXT";
                };
                boolean id = col.equals("id");
                defs.add(col + " " + d1 + (id ? " PRIMARY KEY" : p.required() ? " NOT NULL" : ""));
            }
            if (defs.isEmpty()) continue;
            out.add(new Table(name, "entity", s.file(), s.line(), defs, List.of(), changes));
        }
        return out;
    }

    static String snake(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
