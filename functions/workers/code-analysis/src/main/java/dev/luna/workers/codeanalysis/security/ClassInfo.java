package dev.luna.workers.codeanalysis.security;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.expr.Expression;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A class, interface, enum, record or anonymous class of the analysed project. */
final class ClassInfo {
    final String name;
    final String qualifiedName;
    final Node node;
    final SourceFile file;
    final ClassInfo outer;
    final List<String> supertypes;
    final boolean isInterface;
    final Set<String> annotations;
    final Map<String, FieldInfo> fields = new LinkedHashMap<>();
    final Map<String, List<CallableDeclaration<?>>> methods = new LinkedHashMap<>();
    final List<CallableDeclaration<?>> constructors = new ArrayList<>();
    final List<Node> initializers = new ArrayList<>();

    ClassInfo(String name, String qualifiedName, Node node, SourceFile file, ClassInfo outer, List<String> supertypes,
              boolean isInterface, Set<String> annotations) {
        this.name = name;
        this.qualifiedName = qualifiedName;
        this.node = node;
        this.file = file;
        this.outer = outer;
        this.supertypes = List.copyOf(supertypes);
        this.isInterface = isInterface;
        this.annotations = Set.copyOf(annotations);
    }

    List<CallableDeclaration<?>> methodsNamed(String method) {
        return methods.getOrDefault(method, List.of());
    }

    /**
     * A field of this class.
     *
     * @param initType the type a {@code new X(...)} initializer constructs (more precise than the declared type), or null
     */
    record FieldInfo(String name, String type, boolean isStatic, boolean isFinal, Expression initializer, String initType,
                     ClassInfo owner) {
    }

    @Override
    public String toString() {
        return qualifiedName;
    }
}
