package dev.luna.codebase.java;

import java.util.List;

/**
 * A class, interface, enum, record or annotation type (nested ones too, with {@code Outer.Inner} names).
 *
 * @param name       the simple name, {@code Outer.Inner} for nested types
 * @param fqn        the qualified name
 * @param kind       {@code class}, {@code interface}, {@code enum}, {@code record} or {@code annotation}
 * @param supertypes extended and implemented types: qualified when they are project types or imported, else as
 *                   written; generics kept
 * @param fields     sorted by line
 * @param methods    sorted by line, then signature
 * @param constants  an enum's constants in declaration order, else empty
 */
public record TypeSymbol(String name, String fqn, String kind, String file, int startLine, int endLine, List<String> modifiers,
                         List<AnnotationUse> annotations, List<String> supertypes, List<FieldSymbol> fields,
                         List<MethodSymbol> methods, List<String> constants) {
    public TypeSymbol {
        modifiers = List.copyOf(modifiers);
        annotations = List.copyOf(annotations);
        supertypes = List.copyOf(supertypes);
        fields = List.copyOf(fields);
        methods = List.copyOf(methods);
        constants = List.copyOf(constants);
    }

    public AnnotationUse annotation(String simpleName) {
        for (var a : annotations) if (a.name().equals(simpleName)) return a;
        return null;
    }

    public String packageName() {
        int cut = fqn.length() - name.length() - 1;
        return cut > 0 ? fqn.substring(0, cut) : "";
    }
}
