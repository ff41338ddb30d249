package dev.luna.codebase.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SuperExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.expr.LambdaExpr;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fast, declaration-based typing of receiver expressions: variables, parameters and fields by their declared types,
 * {@code this}/{@code super}, {@code new T()}, casts, static {@code Type.} receivers and project method return types.
 */
final class ExpressionTypes {
    /** A receiver's type: a project type, a known non-project type ({@code fqn} null, {@code known} true), or unknown. */
    record Typed(String fqn, boolean known) {
        static final Typed UNKNOWN = new Typed(null, false);
        static final Typed EXTERNAL = new Typed(null, true);
    }

    private record Declared(String type, Node context) {
    }

    private final JavaIndex index;
    private final Methods methods;
    private final Map<CallableDeclaration<?>, Map<String, Declared>> locals = new IdentityHashMap<>();
    private final Map<String, Map<String, Declared>> fields = new HashMap<>();

    ExpressionTypes(JavaIndex index, Methods methods) {
        this.index = index;
        this.methods = methods;
    }

    Typed typeOf(Expression e, ParsedFile file, Node at, int depth) {
        if (depth > 16) return Typed.UNKNOWN;
        if (e instanceof EnclosedExpr en) return typeOf(en.getInner(), file, at, depth + 1);
        if (e instanceof ThisExpr t) {
            if (t.getTypeName().isPresent()) return project(index.resolve(t.getTypeName().get().asString(), file, at));
            return project(enclosingType(at));
        }
        if (e instanceof SuperExpr) {
            var td = enclosingDeclaration(at);
            var sup = td == null ? List.<String>of() : index.supertypes(td);
            return sup.isEmpty() ? Typed.EXTERNAL : project(sup.getFirst());
        }
        if (e instanceof ObjectCreationExpr o) {
            return o.getAnonymousClassBody().isPresent() ? Typed.UNKNOWN : project(index.resolve(o.getTypeAsString(), file, at));
        }
        if (e instanceof CastExpr c) return project(index.resolve(c.getTypeAsString(), file, at));
        if (e.isLiteralExpr()) return Typed.EXTERNAL;
        if (e instanceof NameExpr n) return name(n.getNameAsString(), file, at);
        if (e instanceof FieldAccessExpr f) {
            var scope = typeOf(f.getScope(), file, at, depth + 1);
            if (scope.fqn() != null) {
                var decl = field(scope.fqn(), f.getNameAsString(), 0);
                if (decl != null) return declared(decl);
                String nested = scope.fqn() + "." + f.getNameAsString();
                if (index.type(nested) != null) return new Typed(nested, true);
                return Typed.UNKNOWN;
            }
            if (!scope.known()) {
                String qualified = f.toString();
                if (index.type(qualified) != null) return new Typed(qualified, true);
            }
            return scope.known() ? Typed.EXTERNAL : Typed.UNKNOWN;
        }
        if (e instanceof MethodCallExpr call) {
            var targets = methods.resolve(call, file, at, this, depth + 1);
            if (targets == null) return Typed.UNKNOWN;
            if (targets.isEmpty()) return Typed.EXTERNAL;
            var m = targets.getFirst();
            String ret = m.declaration() instanceof com.github.javaparser.ast.body.MethodDeclaration md ? md.getTypeAsString() : "void";
            return project(index.resolve(ret, index.file(m.owner()), m.declaration()));
        }
        return Typed.UNKNOWN;
    }

    private Typed name(String name, ParsedFile file, Node at) {
        var callable = enclosingCallable(at);
        if (callable != null) {
            var decl = locals(callable).get(name);
            if (decl != null) return declared(decl);
        }
        for (Node n = at; n != null; n = n.getParentNode().orElse(null)) {
            if (n instanceof LambdaExpr lambda) {
                for (var p : lambda.getParameters()) {
                    if (p.getNameAsString().equals(name)) {
                        return p.getType().isUnknownType() ? Typed.UNKNOWN : declared(new Declared(p.getTypeAsString(), p));
                    }
                }
            }
            if (n instanceof TypeDeclaration<?> td && index.fqn(td) != null) {
                var decl = field(index.fqn(td), name, 0);
                if (decl != null) return declared(decl);
            }
        }
        String type = index.resolve(name, file, at);
        if (type != null) return new Typed(type, true);
        if (Character.isUpperCase(name.charAt(0))) return Typed.EXTERNAL;
        return Typed.UNKNOWN;
    }

    private Typed declared(Declared d) {
        if (d.type().equals("var")) return Typed.UNKNOWN;
        var owner = d.context() instanceof TypeDeclaration<?> td ? td : d.context().findAncestor(TypeDeclaration.class).orElse(null);
        var file = owner == null ? null : index.file(owner);
        if (file == null) return Typed.UNKNOWN;
        String fqn = index.resolve(d.type(), file, d.context());
        return fqn == null ? Typed.EXTERNAL : new Typed(fqn, true);
    }

    private static Typed project(String fqn) {
        return fqn == null ? Typed.EXTERNAL : new Typed(fqn, true);
    }

    private Declared field(String typeFqn, String name, int depth) {
        if (depth > 8) return null;
        var map = fields.computeIfAbsent(typeFqn, this::fieldsOf);
        var d = map.get(name);
        if (d != null) return d;
        var td = index.type(typeFqn);
        if (td == null) return null;
        for (var sup : index.supertypes(td)) {
            var inherited = field(sup, name, depth + 1);
            if (inherited != null) return inherited;
        }
        return null;
    }

    private Map<String, Declared> fieldsOf(String typeFqn) {
        var out = new HashMap<String, Declared>();
        var td = index.type(typeFqn);
        if (td == null) return out;
        for (var member : td.getMembers()) {
            if (member instanceof FieldDeclaration f) {
                for (var v : f.getVariables()) out.put(v.getNameAsString(), new Declared(v.getTypeAsString(), f));
            }
        }
        if (td instanceof RecordDeclaration r) for (var p : r.getParameters()) out.put(p.getNameAsString(), new Declared(p.getTypeAsString(), r));
        return out;
    }

    private Map<String, Declared> locals(CallableDeclaration<?> callable) {
        return locals.computeIfAbsent(callable, c -> {
            var out = new HashMap<String, Declared>();
            for (Parameter p : c.getParameters()) out.put(p.getNameAsString(), new Declared(p.getTypeAsString(), p));
            c.walk(VariableDeclarationExpr.class, v -> {
                for (VariableDeclarator d : v.getVariables()) {
                    String type = d.getTypeAsString();
                    if (type.equals("var") && d.getInitializer().isPresent()) {
                        var init = d.getInitializer().get();
                        if (init instanceof ObjectCreationExpr o) type = o.getTypeAsString();
                        else if (init instanceof CastExpr cast) type = cast.getTypeAsString();
                    }
                    out.putIfAbsent(d.getNameAsString(), new Declared(type, v));
                }
            });
            c.walk(CatchClause.class, cc -> out.putIfAbsent(cc.getParameter().getNameAsString(),
                    new Declared(cc.getParameter().getTypeAsString(), cc)));
            c.walk(ForEachStmt.class, fe -> fe.getVariable().getVariables().forEach(d -> out.putIfAbsent(d.getNameAsString(),
                    new Declared(d.getTypeAsString(), fe))));
            return out;
        });
    }

    static CallableDeclaration<?> enclosingCallable(Node at) {
        for (Node n = at; n != null; n = n.getParentNode().orElse(null)) {
            if (n instanceof CallableDeclaration<?> c) return c;
        }
        return null;
    }

    TypeDeclaration<?> enclosingDeclaration(Node at) {
        for (Node n = at; n != null; n = n.getParentNode().orElse(null)) {
            if (n instanceof TypeDeclaration<?> td && index.fqn(td) != null) return td;
        }
        return null;
    }

    String enclosingType(Node at) {
        var td = enclosingDeclaration(at);
        return td == null ? null : index.fqn(td);
    }
}
