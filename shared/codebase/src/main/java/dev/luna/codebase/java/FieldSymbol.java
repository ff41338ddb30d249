package dev.luna.codebase.java;

import java.util.List;

/**
 * A field, or a record component.
 *
 * @param type     as written, generics kept
 * @param constant the value of a {@code static final String} initialised by a constant expression (masked), else null
 */
public record FieldSymbol(String name, String type, List<AnnotationUse> annotations, List<String> modifiers, int line,
                          String constant) {
    public FieldSymbol {
        annotations = List.copyOf(annotations);
        modifiers = List.copyOf(modifiers);
    }

    public AnnotationUse annotation(String simpleName) {
        for (var a : annotations) if (a.name().equals(simpleName)) return a;
        return null;
    }
}
