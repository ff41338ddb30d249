package dev.luna.codebase.java;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An annotation as written on a declaration.
 *
 * @param name   the simple name ({@code GetMapping})
 * @param type   the qualified name when the imports tell it ({@code org.springframework.web.bind.annotation.GetMapping}),
 *               else the name as written
 * @param values attribute values by attribute name ({@code value} for the single-member form), each a list: string
 *               literals unquoted, string constants of the project resolved, class literals as {@code Foo.class},
 *               other expressions as their source text; sorted by attribute name
 */
public record AnnotationUse(String name, String type, Map<String, List<String>> values) {
    public AnnotationUse {
        var sorted = new TreeMap<String, List<String>>();
        values.forEach((k, v) -> sorted.put(k, List.copyOf(v)));
        values = java.util.Collections.unmodifiableMap(sorted);
    }

    /** The values of one attribute, empty when absent. */
    public List<String> get(String attribute) {
        return values.getOrDefault(attribute, List.of());
    }

    /** The first value of one attribute, or null. */
    public String first(String attribute) {
        var v = get(attribute);
        return v.isEmpty() ? null : v.getFirst();
    }
}
