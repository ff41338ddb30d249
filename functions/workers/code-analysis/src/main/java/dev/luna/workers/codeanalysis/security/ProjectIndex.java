package dev.luna.workers.codeanalysis.security;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.AnnotationDeclaration;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Every class of the analysed project, by simple and qualified name, with subtypes for virtual calls. */
final class ProjectIndex {
    final List<SourceFile> files = new ArrayList<>();
    final List<ClassInfo> classes = new ArrayList<>();
    private final Map<String, List<ClassInfo>> bySimple = new HashMap<>();
    private final Map<String, ClassInfo> byQualified = new HashMap<>();
    private final Map<Node, ClassInfo> byNode = new IdentityHashMap<>();
    private final Map<String, List<ClassInfo>> subtypes = new HashMap<>();
    final TypeHierarchy types;

    ProjectIndex(TypeHierarchy types) {
        this.types = types;
    }

    void add(SourceFile file) {
        files.add(file);
        for (TypeDeclaration<?> t : file.unit.getTypes()) addType(t, file, null, file.packageName);
    }

    private void addType(TypeDeclaration<?> t, SourceFile file, ClassInfo outer, String prefix) {
        if (t instanceof AnnotationDeclaration || byNode.containsKey(t)) return;
        var sups = new ArrayList<String>();
        boolean isInterface = false;
        if (t instanceof ClassOrInterfaceDeclaration c) {
            isInterface = c.isInterface();
            c.getExtendedTypes().forEach(x -> sups.add(x.getNameAsString()));
            c.getImplementedTypes().forEach(x -> sups.add(x.getNameAsString()));
        } else if (t instanceof EnumDeclaration e) {
            e.getImplementedTypes().forEach(x -> sups.add(x.getNameAsString()));
        } else if (t instanceof RecordDeclaration r) {
            r.getImplementedTypes().forEach(x -> sups.add(x.getNameAsString()));
        }
        String qn = prefix.isEmpty() ? t.getNameAsString() : prefix + "." + t.getNameAsString();
        var info = new ClassInfo(t.getNameAsString(), qn, t, file, outer, sups, isInterface, annotations(t));
        register(info);
        collectMembers(info, t.getMembers(), file, qn);
        // local and anonymous classes inside this type's bodies
        for (var body : t.getMembers()) {
            if (body instanceof TypeDeclaration<?>) continue;
            body.findAll(ObjectCreationExpr.class, o -> o.getAnonymousClassBody().isPresent()).forEach(o -> addAnonymous(o, file, info));
            body.findAll(ClassOrInterfaceDeclaration.class, c -> c.isLocalClassDeclaration())
                    .forEach(c -> addType(c, file, info, qn));
        }
    }

    private void addAnonymous(ObjectCreationExpr o, SourceFile file, ClassInfo outer) {
        if (byNode.containsKey(o)) return;
        String sup = o.getType().getNameAsString();
        var info = new ClassInfo(sup + "$anon", outer.qualifiedName + "$" + file.line(o), o, file, outer, List.of(sup),
                false, Set.of());
        byNode.put(o, info);
        classes.add(info);
        collectMembers(info, o.getAnonymousClassBody().orElseThrow(), file, info.qualifiedName);
    }

    private void register(ClassInfo info) {
        classes.add(info);
        byNode.put(info.node, info);
        bySimple.computeIfAbsent(info.name, k -> new ArrayList<>()).add(info);
        byQualified.putIfAbsent(info.qualifiedName, info);
        types.declare(info.name, info.supertypes);
        for (String s : info.supertypes) subtypes.computeIfAbsent(s, k -> new ArrayList<>()).add(info);
    }

    private void collectMembers(ClassInfo info, List<BodyDeclaration<?>> members, SourceFile file, String qn) {
        for (BodyDeclaration<?> m : members) {
            if (m instanceof MethodDeclaration md) {
                info.methods.computeIfAbsent(md.getNameAsString(), k -> new ArrayList<>()).add(md);
            } else if (m instanceof ConstructorDeclaration cd) {
                info.constructors.add(cd);
            } else if (m instanceof FieldDeclaration fd) {
                for (var v : fd.getVariables()) {
                    String initType = v.getInitializer().filter(ObjectCreationExpr.class::isInstance)
                            .map(e -> ((ObjectCreationExpr) e).getType().getNameAsString()).orElse(null);
                    info.fields.put(v.getNameAsString(), new ClassInfo.FieldInfo(v.getNameAsString(), typeName(v.getType()),
                            fd.isStatic() || info.isInterface, fd.isFinal() || info.isInterface, v.getInitializer().orElse(null),
                            initType, info));
                }
            } else if (m instanceof InitializerDeclaration init) {
                info.initializers.add(init.getBody());
            } else if (m instanceof TypeDeclaration<?> inner) {
                addType(inner, file, info, qn);
            }
        }
        refineFieldTypes(info);
        if (info.node instanceof EnumDeclaration e) {
            for (var c : e.getEntries()) {
                info.fields.put(c.getNameAsString(), new ClassInfo.FieldInfo(c.getNameAsString(), info.name, true, true, null, null, info));
            }
        }
        if (info.node instanceof RecordDeclaration r) {
            for (var p : r.getParameters()) {
                info.fields.put(p.getNameAsString(), new ClassInfo.FieldInfo(p.getNameAsString(), typeName(p.getType()), false, true,
                        null, null, info));
            }
        }
    }

    /**
     * A field's runtime type, from what is stored in it: when every initializer and assignment in the class constructs
     * the same class, that class ({@code Random r = new SecureRandom()} is a SecureRandom); when something else is
     * stored (a factory result, a reflective instance), "?" (unknown), so no exact-type model row can match it.
     */
    private static void refineFieldTypes(ClassInfo info) {
        var stored = new java.util.HashMap<String, String>();
        for (var f : info.fields.values()) {
            if (f.initializer() != null) stored.put(f.name(), f.initType() != null ? f.initType() : "?");
        }
        info.node.findAll(com.github.javaparser.ast.expr.AssignExpr.class).forEach(a -> {
            String name = a.getTarget() instanceof com.github.javaparser.ast.expr.NameExpr n ? n.getNameAsString()
                    : a.getTarget() instanceof com.github.javaparser.ast.expr.FieldAccessExpr fa && fa.getScope().isThisExpr() ? fa.getNameAsString() : null;
            if (name == null || !info.fields.containsKey(name)) return;
            String t = a.getValue() instanceof ObjectCreationExpr o ? o.getType().getNameAsString() : "?";
            stored.merge(name, t, (x, y) -> x.equals(y) ? x : "?");
        });
        stored.forEach((name, t) -> {
            var f = info.fields.get(name);
            if (!t.equals(f.initType()) && !(f.initType() == null && t.equals(f.type()))) {
                info.fields.put(name, new ClassInfo.FieldInfo(f.name(), f.type(), f.isStatic(), f.isFinal(), f.initializer(), t, f.owner()));
            }
        });
    }

    static String typeName(com.github.javaparser.ast.type.Type t) {
        if (t instanceof ClassOrInterfaceType c) return c.getNameAsString();
        if (t.isArrayType()) return typeName(t.asArrayType().getComponentType()) + "[]";
        if (t.isVarType() || t.isUnknownType()) return null;
        return t.asString();
    }

    private static Set<String> annotations(Node n) {
        var out = new LinkedHashSet<String>();
        if (n instanceof NodeWithAnnotations<?> a) for (AnnotationExpr e : a.getAnnotations()) out.add(e.getName().getIdentifier());
        return out;
    }

    ClassInfo classOf(Node declaration) {
        return byNode.get(declaration);
    }

    /** The project class a method or constructor is declared in. */
    ClassInfo owner(CallableDeclaration<?> m) {
        Node p = m.getParentNode().orElse(null);
        while (p != null && !byNode.containsKey(p)) p = p.getParentNode().orElse(null);
        return p == null ? null : byNode.get(p);
    }

    /** The project class a simple or qualified type name refers to, seen from {@code from}; null when it is not ours. */
    ClassInfo lookup(String name, SourceFile from, ClassInfo context) {
        if (name == null) return null;
        if (name.indexOf('.') > 0) {
            ClassInfo q = byQualified.get(name);
            if (q != null) return q;
            name = CallPattern.simple(name);
        }
        List<ClassInfo> all = bySimple.get(name);
        if (all == null || all.isEmpty()) return null;
        if (all.size() == 1) return all.get(0);
        for (ClassInfo c = context; c != null; c = c.outer) {
            for (ClassInfo cand : all) if (cand.outer == c) return cand;
        }
        if (from != null) {
            String imported = from.importOf(name);
            if (imported != null && byQualified.containsKey(imported)) return byQualified.get(imported);
            for (ClassInfo cand : all) if (cand.file == from) return cand;
            for (ClassInfo cand : all) if (cand.file.packageName.equals(from.packageName)) return cand;
        }
        return all.get(0);
    }

    /** Project classes that extend or implement {@code type}, transitively (bounded). */
    List<ClassInfo> subtypesOf(String type) {
        var out = new ArrayList<ClassInfo>();
        var todo = new ArrayList<String>(List.of(type));
        var seen = new LinkedHashSet<String>();
        for (int i = 0; i < todo.size() && out.size() < 16; i++) {
            if (!seen.add(todo.get(i))) continue;
            for (ClassInfo c : subtypes.getOrDefault(todo.get(i), List.of())) {
                if (!out.contains(c)) out.add(c);
                todo.add(c.name);
            }
        }
        return out;
    }

    /** Every method and constructor, in file and declaration order. */
    List<CallableDeclaration<?>> callables() {
        var out = new ArrayList<CallableDeclaration<?>>();
        for (ClassInfo c : classes) {
            out.addAll(c.constructors);
            c.methods.values().forEach(out::addAll);
        }
        return out;
    }
}
