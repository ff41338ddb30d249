package dev.luna.workers.swift.plan;

import java.util.List;

/**
 * One property of a generated Codable model.
 *
 * @param name     the Swift member name
 * @param wire     the JSON property name
 * @param type     the Swift type without the optional mark ({@code String}, {@code [Pet]}, {@code JSONValue}…)
 * @param kind     {@code string}, {@code integer}, {@code number}, {@code boolean} or {@code other} (arrays, objects)
 * @param optional whether the JSON may omit it
 * @param label    the human label shown on screens
 * @param values   an enum's values (string fields), else empty
 * @param date     a string with format date or date-time
 * @param example  a JSON literal for tests and previews
 */
public record Field(String name, String wire, String type, String kind, boolean optional, String label, List<String> values, boolean date,
                    String example) {
    public Field {
        values = List.copyOf(values);
    }

    /** Shown and edited as text, a number, a toggle; {@code other} is shown only. */
    public boolean scalar() {
        return !kind.equals("other");
    }

    public String swiftType() {
        return optional ? type + "?" : type;
    }
}
