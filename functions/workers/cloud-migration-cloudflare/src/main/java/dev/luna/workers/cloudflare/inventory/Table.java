package dev.luna.workers.cloudflare.inventory;

import java.util.Comparator;
import java.util.List;

/**
 * A table for D1, translated from a detected schema (SQL DDL, an ORM entity, a DynamoDB table).
 *
 * @param name        the table name (lower case, a SQL identifier)
 * @param source      {@code sql}, {@code entity} or {@code dynamodb}
 * @param definitions D1 (SQLite) column and table-constraint definitions, in declaration order
 * @param indexes     {@code CREATE INDEX} statements for D1
 * @param changes     what the translation changed or dropped, one sentence each
 */
public record Table(String name, String source, String file, int line, List<String> definitions, List<String> indexes, List<String> changes) {
    public static final Comparator<Table> ORDER = Comparator.comparing(Table::name).thenComparing(Table::file).thenComparingInt(Table::line);

    public Table {
        definitions = List.copyOf(definitions);
        indexes = List.copyOf(indexes);
        changes = List.copyOf(changes);
    }

    public String verdict() {
        return changes.isEmpty() ? "direct" : changes.stream().anyMatch(c -> c.startsWith("dropped")) ? "rewrite" : "adapt";
    }
}
