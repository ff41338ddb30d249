package dev.luna.codebase.shape;

/**
 * One property of a {@link Shape}.
 *
 * @param name     the property name on the wire (a Jackson {@code @JsonProperty} or pydantic alias wins)
 * @param schema   its type
 * @param required whether it must be present (primitives, {@code @NotNull}-family, TS properties without {@code ?},
 *                 pydantic fields without default)
 * @param line     1-based line of its declaration
 */
public record Property(String name, Schema schema, boolean required, int line) {
}
