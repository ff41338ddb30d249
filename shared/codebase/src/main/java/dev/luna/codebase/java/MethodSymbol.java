package dev.luna.codebase.java;

import java.util.List;

/**
 * A method or constructor.
 *
 * @param signature  {@code name(Type,Type)} with parameter types erased of generics; unique within its type
 * @param returnType as written, generics kept; {@code void} for constructors too
 */
public record MethodSymbol(String name, String signature, String returnType, List<ParameterSymbol> parameters,
                           List<AnnotationUse> annotations, List<String> modifiers, int startLine, int endLine,
                           boolean constructor) {
    public MethodSymbol {
        parameters = List.copyOf(parameters);
        annotations = List.copyOf(annotations);
        modifiers = List.copyOf(modifiers);
    }

    public AnnotationUse annotation(String simpleName) {
        for (var a : annotations) if (a.name().equals(simpleName)) return a;
        return null;
    }
}
