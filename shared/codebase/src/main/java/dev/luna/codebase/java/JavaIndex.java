package dev.luna.codebase.java;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every project type by qualified name, the files they live in, and the project's string constants; resolves type
 * names as written in a file to project types.
 */
final class JavaIndex {
    private final Map<String, TypeDeclaration<?>> types = new HashMap<>();
    private final Map<TypeDeclaration<?>, String> fqns = new IdentityHashMap<>();
    private final Map<TypeDeclaration<?>, ParsedFile> files = new IdentityHashMap<>();
    private final Map<String, Expression> constantExpressions = new HashMap<>();
    private final Map<String, String> constants = new HashMap<>();
    private final Set<String> packages = new HashSet<>();

    void add(ParsedFile file) {
        packages.add(file.packageName());
        for (var td : file.cu().getTypes()) add(file, td, file.packageName().isEmpty() ? "" : file.packageName() + ".");
    }

    private void add(ParsedFile file, TypeDeclaration<?> td, String prefix) {
        String fqn = prefix + td.getNameAsString();
        types.putIfAbsent(fqn, td);
        fqns.put(td, fqn);
        files.put(td, file);
        boolean iface = td instanceof com.github.javaparser.ast.body.ClassOrInterfaceDeclaration c && c.isInterface();
        for (var member : td.getMembers()) {
            if (member instanceof TypeDeclaration<?> inner) add(file, inner, fqn + ".");
            if (member instanceof FieldDeclaration f && (iface || f.isStatic() && f.isFinal())) {
                for (var v : f.getVariables()) {
                    if (v.getInitializer().isPresent() && v.getTypeAsString().equals("String")) {
                        constantExpressions.put(fqn + "." + v.getNameAsString(), v.getInitializer().get());
                    }
                }
            }
        }
    }

    TypeDeclaration<?> type(String fqn) {
        return types.get(fqn);
    }

    String fqn(TypeDeclaration<?> td) {
        return fqns.get(td);
    }

    ParsedFile file(TypeDeclaration<?> td) {
        return files.get(td);
    }

    Map<String, TypeDeclaration<?>> types() {
        return types;
    }

    /**
     * The project type a name written inside {@code context} (a node of {@code file}) refers to, or null when it is
     * not a project type. Generics and array brackets are ignored.
     */
    String resolve(String written, ParsedFile file, Node context) {
        String name = erase(written);
        if (name.isEmpty()) return null;
        int dot = name.indexOf('.');
        String first = dot < 0 ? name : name.substring(0, dot);
        String rest = dot < 0 ? "" : name.substring(dot);
        String head = resolveSimple(first, file, context);
        if (head != null) {
            String full = head + rest;
            return types.containsKey(full) ? full : null;
        }
        return dot > 0 && types.containsKey(name) ? name : null;
    }

    private String resolveSimple(String simple, ParsedFile file, Node context) {
        for (Node n = context; n != null; n = n.getParentNode().orElse(null)) {
            if (n instanceof TypeDeclaration<?> td) {
                String outer = fqns.get(td);
                if (outer == null) continue;
                if (td.getNameAsString().equals(simple)) return outer;
                String nested = outer + "." + simple;
                if (types.containsKey(nested)) return nested;
                String inherited = inheritedNested(td, simple, 0);
                if (inherited != null) return inherited;
            }
        }
        String imported = file.imports().get(simple);
        if (imported != null) return types.containsKey(imported) ? imported : null;
        String samePackage = file.packageName().isEmpty() ? simple : file.packageName() + "." + simple;
        if (types.containsKey(samePackage)) return samePackage;
        for (var w : file.wildcards()) {
            if (types.containsKey(w + "." + simple)) return w + "." + simple;
        }
        return null;
    }

    /** A nested type inherited from a project supertype ({@code Map.Entry}-style use of a parent's member type). */
    private String inheritedNested(TypeDeclaration<?> td, String simple, int depth) {
        if (depth > 8 || !(td instanceof com.github.javaparser.ast.body.ClassOrInterfaceDeclaration c)) return null;
        var file = files.get(td);
        var supers = new ArrayList<>(c.getExtendedTypes());
        supers.addAll(c.getImplementedTypes());
        for (var s : supers) {
            String sup = resolveHeader(s.getNameWithScope(), file, td);
            if (sup == null) continue;
            if (types.containsKey(sup + "." + simple)) return sup + "." + simple;
            String deeper = inheritedNested(types.get(sup), simple, depth + 1);
            if (deeper != null) return deeper;
        }
        return null;
    }

    /** Resolves a supertype name without looking into inherited members (avoids cycles). */
    private String resolveHeader(String name, ParsedFile file, TypeDeclaration<?> td) {
        String imported = file.imports().get(name);
        if (imported != null) return types.containsKey(imported) ? imported : null;
        var parent = td.getParentNode().orElse(null);
        if (parent instanceof TypeDeclaration<?> outer && types.containsKey(fqns.get(outer) + "." + name)) return fqns.get(outer) + "." + name;
        String same = file.packageName().isEmpty() ? name : file.packageName() + "." + name;
        if (types.containsKey(same)) return same;
        for (var w : file.wildcards()) if (types.containsKey(w + "." + name)) return w + "." + name;
        return types.containsKey(name) ? name : null;
    }

    /** The value of a project string constant ({@code com.acme.Paths.USERS}), or null. */
    String constant(String qualified) {
        if (constants.containsKey(qualified)) return constants.get(qualified);
        var expr = constantExpressions.get(qualified);
        if (expr == null) return null;
        constants.put(qualified, null);
        int cut = qualified.lastIndexOf('.');
        var owner = types.get(qualified.substring(0, cut));
        String value = evaluate(expr, files.get(owner), owner, 0);
        constants.put(qualified, value);
        return value;
    }

    /** Evaluates a constant string expression: literals, concatenation, and project constants; null otherwise. */
    String evaluate(Expression e, ParsedFile file, Node context, int depth) {
        if (depth > 32 || file == null) return null;
        if (e instanceof StringLiteralExpr s) return s.asString();
        if (e instanceof TextBlockLiteralExpr t) return t.asString();
        if (e instanceof EnclosedExpr en) return evaluate(en.getInner(), file, context, depth + 1);
        if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
            String l = evaluate(b.getLeft(), file, context, depth + 1);
            String r = l == null ? null : evaluate(b.getRight(), file, context, depth + 1);
            if (r == null && l != null && b.getRight().isLiteralExpr()) r = b.getRight().toString();
            return l == null || r == null ? null : l + r;
        }
        if (e instanceof NameExpr n) return constantByName(n.getNameAsString(), file, context);
        if (e instanceof FieldAccessExpr f) {
            String owner = resolve(f.getScope().toString(), file, context);
            return owner == null ? null : constant(owner + "." + f.getNameAsString());
        }
        return null;
    }

    private String constantByName(String name, ParsedFile file, Node context) {
        for (Node n = context; n != null; n = n.getParentNode().orElse(null)) {
            if (n instanceof TypeDeclaration<?> td && fqns.containsKey(td)) {
                String v = constant(fqns.get(td) + "." + name);
                if (v != null) return v;
                for (var sup : supertypes(td)) {
                    String inherited = constant(sup + "." + name);
                    if (inherited != null) return inherited;
                }
            }
        }
        String owner = file.staticImports().get(name);
        if (owner != null) return constant(owner + "." + name);
        for (var w : file.staticWildcards()) {
            String v = constant(w + "." + name);
            if (v != null) return v;
        }
        return null;
    }

    /** Qualified names of the project supertypes of a type (direct ones). */
    List<String> supertypes(TypeDeclaration<?> td) {
        var out = new ArrayList<String>();
        var file = files.get(td);
        if (file == null) return out;
        if (td instanceof com.github.javaparser.ast.body.ClassOrInterfaceDeclaration c) {
            for (var t : c.getExtendedTypes()) add(out, resolve(t.getNameWithScope(), file, td.getParentNode().orElse(td)));
            for (var t : c.getImplementedTypes()) add(out, resolve(t.getNameWithScope(), file, td.getParentNode().orElse(td)));
        } else if (td instanceof com.github.javaparser.ast.body.EnumDeclaration en) {
            for (var t : en.getImplementedTypes()) add(out, resolve(t.getNameWithScope(), file, td));
        } else if (td instanceof com.github.javaparser.ast.body.RecordDeclaration r) {
            for (var t : r.getImplementedTypes()) add(out, resolve(t.getNameWithScope(), file, td));
        }
        return out;
    }

    private static void add(List<String> out, String value) {
        if (value != null && !out.contains(value)) out.add(value);
    }

    /** {@code Map<String, List<Foo>>[]} → {@code Map}; {@code a.b.C<X>} → {@code a.b.C}. */
    static String erase(String written) {
        var sb = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < written.length(); i++) {
            char c = written.charAt(i);
            if (c == '<') depth++;
            else if (c == '>') depth--;
            else if (depth == 0 && c != '[' && c != ']' && c != ' ') sb.append(c);
        }
        String s = sb.toString();
        if (s.endsWith("...")) s = s.substring(0, s.length() - 3);
        if (s.startsWith("@")) s = s.substring(s.lastIndexOf(' ') + 1);
        return s;
    }
}
