package dev.luna.codebase.shape;

import java.util.Comparator;
import java.util.List;

/**
 * A data shape the project declares: a Java DTO, record or {@code @Entity}, a TypeScript interface or object type
 * alias, a pydantic model. Endpoints refer to shapes by {@link #name}.
 *
 * @param name       the simple name, unique in the model ({@code UserDto}; a clash gets the qualified name)
 * @param qualified  the qualified name (Java FQN, {@code file#Name} for TS and Python)
 * @param language   {@code java}, {@code ts} or {@code python}
 * @param kind       {@code record}, {@code class}, {@code entity}, {@code enum}, {@code interface}, {@code type},
 *                   {@code pydantic}
 * @param properties in declaration order
 * @param values     the constants of an enum, else empty
 */
public record Shape(String name, String qualified, String language, String kind, String file, int line, List<Property> properties,
                    List<String> values) {
    public static final Comparator<Shape> ORDER = Comparator.comparing(Shape::name).thenComparing(Shape::qualified);

    public Shape {
        properties = List.copyOf(properties);
        values = List.copyOf(values);
    }
}
