package dev.luna.codebase.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** The project's methods by type and by name, and the declared-type resolution of calls to them. */
final class Methods {
    /** A project method or constructor. */
    record Target(String id, TypeDeclaration<?> owner, CallableDeclaration<?> declaration) {
        int arity() {
            return declaration.getParameters().size();
        }

        boolean accepts(int argc) {
            var params = declaration.getParameters();
            boolean varargs = !params.isEmpty() && params.get(params.size() - 1).isVarArgs();
            return params.size() == argc || varargs && argc >= params.size() - 1;
        }
    }

    private final JavaIndex index;
    private final Map<TypeDeclaration<?>, Map<String, List<Target>>> byType = new IdentityHashMap<>();
    private final Map<String, List<Target>> byName = new HashMap<>();
    private final Map<CallableDeclaration<?>, Target> byDeclaration = new IdentityHashMap<>();
    private final Map<MethodCallExpr, List<Target>> resolved = new IdentityHashMap<>();

    Methods(JavaIndex index) {
        this.index = index;
        for (var td : index.types().values()) {
            var map = new HashMap<String, List<Target>>();
            String fqn = index.fqn(td);
            for (var member : td.getMembers()) {
                if (member instanceof MethodDeclaration || member instanceof ConstructorDeclaration) {
                    var c = (CallableDeclaration<?>) member;
                    var t = new Target(fqn + "#" + JavaSymbols.signature(c), td, c);
                    String key = member instanceof ConstructorDeclaration ? "<init>" : c.getNameAsString();
                    map.computeIfAbsent(key, k -> new ArrayList<>()).add(t);
                    if (member instanceof MethodDeclaration) byName.computeIfAbsent(key, k -> new ArrayList<>()).add(t);
                    byDeclaration.put(c, t);
                }
            }
            byType.put(td, map);
        }
        byName.values().forEach(l -> l.sort(java.util.Comparator.comparing(Target::id)));
    }

    Target of(CallableDeclaration<?> declaration) {
        return byDeclaration.get(declaration);
    }

    boolean hasName(String name) {
        return byName.containsKey(name);
    }

    List<Target> byName(String name, int argc) {
        var out = new ArrayList<Target>();
        for (var t : byName.getOrDefault(name, List.of())) if (t.accepts(argc)) out.add(t);
        return out;
    }

    /** Methods (or constructors, name {@code <init>}) of a type and its project supertypes, nearest level first. */
    List<Target> inHierarchy(String typeFqn, String name, int argc) {
        var queue = new ArrayDeque<String>();
        var seen = new HashSet<String>();
        queue.add(typeFqn);
        while (!queue.isEmpty() && seen.size() < 64) {
            String fqn = queue.poll();
            if (!seen.add(fqn)) continue;
            var td = index.type(fqn);
            if (td == null) continue;
            var found = new ArrayList<Target>();
            for (var t : byType.get(td).getOrDefault(name, List.of())) if (t.accepts(argc)) found.add(t);
            if (!found.isEmpty()) {
                found.sort((a, b) -> Integer.compare(Math.abs(a.arity() - argc), Math.abs(b.arity() - argc)));
                return found;
            }
            if (name.equals("<init>")) return List.of();
            queue.addAll(index.supertypes(td));
        }
        return List.of();
    }

    /**
     * The project methods a call may invoke: empty when the receiver is not a project type (or the method is inherited
     * from outside the project), null when the receiver's type could not be told.
     */
    List<Target> resolve(MethodCallExpr call, ParsedFile file, Node at, ExpressionTypes types, int depth) {
        if (resolved.containsKey(call)) return resolved.get(call);
        resolved.put(call, null);
        var out = resolveUncached(call, file, at, types, depth);
        resolved.put(call, out);
        return out;
    }

    private List<Target> resolveUncached(MethodCallExpr call, ParsedFile file, Node at, ExpressionTypes types, int depth) {
        String name = call.getNameAsString();
        int argc = call.getArguments().size();
        if (call.getScope().isEmpty()) {
            for (Node n = at; n != null; n = n.getParentNode().orElse(null)) {
                if (n instanceof TypeDeclaration<?> td && index.fqn(td) != null) {
                    var found = inHierarchy(index.fqn(td), name, argc);
                    if (!found.isEmpty()) return found;
                }
            }
            String owner = file.staticImports().get(name);
            if (owner != null) return inHierarchy(owner, name, argc);
            for (var w : file.staticWildcards()) {
                var found = inHierarchy(w, name, argc);
                if (!found.isEmpty()) return found;
            }
            return List.of();
        }
        var scope = types.typeOf(call.getScope().get(), file, at, depth);
        if (scope.fqn() != null) return inHierarchy(scope.fqn(), name, argc);
        return scope.known() ? List.of() : null;
    }
}
