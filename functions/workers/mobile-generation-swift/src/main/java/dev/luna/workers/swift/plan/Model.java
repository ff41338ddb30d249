package dev.luna.workers.swift.plan;

import java.util.List;

/**
 * A Codable model generated from a schema of the API.
 *
 * @param name        the Swift type name
 * @param schema      the schema's name in the API (or the resource it was inferred for)
 * @param description one line, or empty
 * @param fields      in the schema's order
 * @param idField     the member that identifies an instance ({@code id}, {@code …Id}, else null: the value itself)
 */
public record Model(String name, String schema, String description, List<Field> fields, String idField) {
    public Model {
        fields = List.copyOf(fields);
    }

    /** The fields a list row shows: the first string field that is not the id, else the id. */
    public Field titleField() {
        return fields.stream().filter(f -> f.kind().equals("string") && !f.name().equals(idField) && !f.date()).findFirst()
                .orElse(fields.stream().filter(f -> f.name().equals(idField)).findFirst().orElse(null));
    }
}
