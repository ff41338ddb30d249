package dev.luna.workers.codeanalysis.security;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.SuperExpr;
import com.github.javaparser.ast.expr.ThisExpr;

/**
 * Names and fields: locals first, then fields of this class, its project supertypes and outer classes, then
 * static imports. A field read is its constant value (static final with a constant initializer), else the state's own
 * write in this method, else the project-wide field store's taint plus, for an instance field of the receiver, the
 * {@link Origin.Input} placeholder a caller will fill in.
 */
final class Fields {
    private final Expressions ex;
    private final MethodCtx ctx;

    Fields(Expressions ex) {
        this.ex = ex;
        this.ctx = ex.ctx;
    }

    Val name(NameExpr n, State st) {
        String name = n.getNameAsString();
        Val v = st.vars.get(name);
        if (v != null) return v;
        if (ctx.declaredTypes.containsKey(name)) return Val.typed(ctx.declaredTypes.get(name));
        var f = find(ctx.cls, name);
        if (f != null) return read(f, st, n, true);
        String owner = ctx.file.staticImportOwner(name);
        if (owner != null) {
            ClassInfo c = ctx.an.index.lookup(owner, ctx.file, ctx.cls);
            if (c != null && c.fields.containsKey(name)) return read(c.fields.get(name), st, n, false);
            Object lib = ctx.an.libraryConstant(owner, name);
            if (lib != null) return Val.constant(lib, "String");
        }
        return Val.UNKNOWN;
    }

    /** A field visible by simple name from {@code c}: its own, a project supertype's, or an outer class's. */
    ClassInfo.FieldInfo find(ClassInfo c, String name) {
        for (ClassInfo k = c; k != null; k = k.outer) {
            var f = inHierarchy(k, name, 0);
            if (f != null) return f;
        }
        return null;
    }

    private ClassInfo.FieldInfo inHierarchy(ClassInfo c, String name, int depth) {
        var f = c.fields.get(name);
        if (f != null || depth > 6) return f;
        for (String s : c.supertypes) {
            ClassInfo sup = ctx.an.index.lookup(s, c.file, c);
            if (sup != null && sup != c) {
                f = inHierarchy(sup, name, depth + 1);
                if (f != null) return f;
            }
        }
        return null;
    }

    Val read(ClassInfo.FieldInfo f, State st, Node at, boolean ofThis) {
        String key = key(f);
        Val local = st.vars.get(key);
        if (local != null) return local;
        Object c = ctx.an.constants.valueOf(f);
        // a field whose stored objects are unknown keeps its declared type, unless a model row needs the exact class
        String type = "?".equals(f.initType()) ? (ctx.an.models.exactTypes().contains(f.type()) ? null : f.type())
                : f.initType() != null ? f.initType() : f.type();
        if (c != null) return Val.constant(c, type);
        Taints t = ctx.an.fields.read(f);
        if (!t.isEmpty()) t = ex.step(t, at, "read from field '" + f.name() + "'");
        if (!f.isStatic() && ofThis && !ctx.isStatic && ctx.cls != null) {
            var input = new Taint(new Origin.Input(-1, f.name()), 0, Step.source(ctx.file, at, "field '" + f.name() + "'"));
            t = t.plus(input);
        }
        return new Val(t, null, -1, type);
    }

    static String key(ClassInfo.FieldInfo f) {
        return f.isStatic() ? "static:" + f.owner().qualifiedName + "." + f.name() : "this." + f.name();
    }

    Val access(FieldAccessExpr fa, State st) {
        Expression scope = fa.getScope();
        String name = fa.getNameAsString();
        if (scope instanceof ThisExpr || scope instanceof SuperExpr) {
            var f = find(ctx.cls, name);
            return f == null ? Val.UNKNOWN : read(f, st, fa, true);
        }
        String type = ex.calls.staticType(scope, st);
        if (type != null) {
            ClassInfo c = ctx.an.index.lookup(type, ctx.file, ctx.cls);
            if (c != null) {
                var f = inHierarchy(c, name, 0);
                if (f != null) return read(f, st, fa, false);
                ClassInfo nested = ctx.an.index.lookup(name, ctx.file, c);
                return nested != null ? Val.UNKNOWN : Val.UNKNOWN;
            }
            Object lib = ctx.an.libraryConstant(type, name);
            return lib != null ? Val.constant(lib, "String") : Val.UNKNOWN;
        }
        Val recv = ex.eval(scope, st);
        if (name.equals("length") && recv.type != null && recv.type.endsWith("[]")) return Val.typed("int");
        if (recv.obj >= 0) {
            HeapObj h = st.heap.get(recv.obj);
            if (h != null && h.fields().containsKey(name)) return h.fields().get(name);
            if (h != null) return new Val(h.whole(), null, -1, fieldType(recv.type, name));
        }
        return new Val(recv.taints, null, -1, fieldType(recv.type, name));
    }

    private String fieldType(String ownerType, String name) {
        ClassInfo c = ctx.an.index.lookup(ownerType, ctx.file, ctx.cls);
        if (c == null) return null;
        var f = inHierarchy(c, name, 0);
        return f == null ? null : f.type();
    }

    void writeName(String name, Val v, Node at, State st) {
        var f = find(ctx.cls, name);
        if (f != null) write(f, v, at, st);
    }

    void writeAccess(FieldAccessExpr fa, Val v, Node at, State st) {
        Expression scope = fa.getScope();
        String name = fa.getNameAsString();
        if (scope instanceof ThisExpr) {
            var f = find(ctx.cls, name);
            if (f != null) write(f, v, at, st);
            return;
        }
        String type = ex.calls.staticType(scope, st);
        if (type != null) {
            ClassInfo c = ctx.an.index.lookup(type, ctx.file, ctx.cls);
            var f = c == null ? null : inHierarchy(c, name, 0);
            if (f != null) write(f, v, at, st);
            return;
        }
        Val recv = ex.eval(scope, st);
        if (recv.obj >= 0 && st.heap.containsKey(recv.obj)) {
            st.heap.put(recv.obj, st.heap.get(recv.obj).withField(name, v));
        } else {
            ex.calls.library.mutate(scope, recv, st.deep(v), st);
        }
        if (ctx.an.models.isSecretName(name)) ex.calls.library.namedSink(name, v, at, st);
    }

    /** Writes a field of this class (or a static field): the state keeps it, the summary and the field store learn it. */
    void write(ClassInfo.FieldInfo f, Val v, Node at, State st) {
        Taints deep = st.deep(v);
        if (!deep.isEmpty()) {
            deep = ex.step(deep, at, "stored in field '" + f.name() + "'");
            v = new Val(deep, null, v.obj, v.type);
        }
        st.vars.put(key(f), v);
        // a constructor's writes reach callers through its summary (onto the new object); elsewhere, the field store
        if (f.isStatic() || !(ctx.method instanceof com.github.javaparser.ast.body.ConstructorDeclaration)) ctx.an.fields.write(f, deep);
        if (!f.isStatic()) {
            ctx.summary.thisFields.merge(f.name(), new Val(deep, deep.isEmpty() ? v.constant : null, -1, v.type), Val::join);
        }
        if (ctx.an.models.isSecretName(f.name())) ex.calls.library.namedSink(f.name(), v, at, st);
    }
}
