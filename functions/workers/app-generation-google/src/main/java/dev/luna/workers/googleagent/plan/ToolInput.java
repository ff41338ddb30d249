package dev.luna.workers.googleagent.plan;

import java.util.List;

/**
 * One argument of a generated tool (and one slot of its intent).
 *
 * @param name        the Java identifier and the argument's name for the model
 * @param wire        the name on the wire
 * @param in          {@code path}, {@code query} or {@code body}
 * @param type        JSON type: {@code string}, {@code integer}, {@code number}, {@code boolean}, {@code array}, {@code object}
 * @param required    whether the tool needs it
 * @param description for the model
 * @param example     a sample value, as JSON text
 * @param values      allowed values of an enum, else empty
 */
public record ToolInput(String name, String wire, String in, String type, boolean required, String description, String example, List<String> values) {
    public ToolInput {
        values = List.copyOf(values);
    }

    /** The Java type of the generated method's parameter (boxed, so an optional argument can be null). */
    public String javaType() {
        return switch (type) {
            case "integer" -> "Long";
            case "number" -> "Double";
            case "boolean" -> "Boolean";
            case "array" -> "java.util.List<Object>";
            case "object" -> "Map<String, Object>";
            default -> "String";
        };
    }
}
