package dev.luna.codebase.java;

import java.util.List;

/** A method parameter: its name, type as written (generics kept) and annotations. */
public record ParameterSymbol(String name, String type, List<AnnotationUse> annotations) {
    public ParameterSymbol {
        annotations = List.copyOf(annotations);
    }

    public AnnotationUse annotation(String simpleName) {
        for (var a : annotations) if (a.name().equals(simpleName)) return a;
        return null;
    }
}
