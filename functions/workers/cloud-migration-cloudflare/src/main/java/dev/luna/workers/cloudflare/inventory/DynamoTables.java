package dev.luna.workers.cloudflare.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** DynamoDB tables as D1 tables: the partition and sort keys become the primary key, the rest of the item JSON in {@code data}. */
final class DynamoTables {
    private DynamoTables() {
    }

    static List<Table> tables(List<Resource> resources) {
        var out = new ArrayList<Table>();
        for (var r : resources) {
            if (!r.kind().equals("table")) continue;
            var defs = new ArrayList<String>();
            var keys = new ArrayList<String>();
            for (String k : r.keys()) {
                String col = Entities.snake(k).replaceAll("[^a-z0-9_]", "_");
                if (col.isEmpty() || keys.contains(col)) continue;
                keys.add(col);
                defs.add(col + " TEXT NOT NULL");
            }
            if (keys.isEmpty()) {
                keys.add("pk");
                defs.add("pk TEXT NOT NULL");
            }
            defs.add("data TEXT NOT NULL DEFAULT '{}'");
            defs.add("PRIMARY KEY (" + String.join(", ", keys) + ")");
            out.add(new Table(tableName(r.name()), "dynamodb", r.file(), r.line(), defs, List.of(),
                    List.of("DynamoDB item attributes other than the keys are stored as JSON in `data` (query them with json_extract)")));
        }
        return out;
    }

    static String tableName(String logical) {
        String s = Entities.snake(logical).replaceAll("[^a-z0-9_]", "_").replaceAll("_+", "_");
        if (s.isEmpty() || !Character.isLetter(s.charAt(0))) s = "t_" + s;
        return s.length() > 60 ? s.substring(0, 60) : s.toLowerCase(Locale.ROOT);
    }
}
