package dev.luna.codebase.shape;

/**
 * A small JSON-Schema-like type, enough for generators to write OpenAPI.
 *
 * @param type                 {@code string}, {@code integer}, {@code number}, {@code boolean}, {@code array},
 *                             {@code object}, or null for a reference or an unknown type ("any")
 * @param format               {@code int64}, {@code date-time}, {@code uuid}, {@code binary}… or null
 * @param ref                  the name of a {@link Shape} when this is a reference, else null
 * @param items                element type of an array, else null
 * @param additionalProperties value type of a map, else null
 * @param nullable             whether null is allowed
 * @param source               the type as written in the source ({@code List<UserDto>}), or null
 */
public record Schema(String type, String format, String ref, Schema items, Schema additionalProperties, boolean nullable, String source) {
    public static Schema of(String type, String format, String source) {
        return new Schema(type, format, null, null, null, false, source);
    }

    public static Schema ref(String name, String source) {
        return new Schema(null, null, name, null, null, false, source);
    }

    public static Schema array(Schema items, String source) {
        return new Schema("array", null, null, items, null, false, source);
    }

    public static Schema map(Schema values, String source) {
        return new Schema("object", null, null, null, values, false, source);
    }

    public static Schema any(String source) {
        return new Schema(null, null, null, null, null, false, source);
    }

    public Schema asNullable() {
        return new Schema(type, format, ref, items, additionalProperties, true, source);
    }

    public Schema withSource(String written) {
        return new Schema(type, format, ref, items, additionalProperties, nullable, written);
    }
}
