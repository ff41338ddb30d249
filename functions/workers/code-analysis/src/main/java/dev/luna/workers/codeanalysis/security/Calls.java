package dev.luna.workers.codeanalysis.security;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SuperExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt;
import java.util.ArrayList;
import java.util.List;

/**
 * Calls and object creation: a call that resolves to the project's own code applies that method's {@link Summary}
 * (every implementation of an interface method, bounded); anything else is a library call ({@link LibraryCalls}).
 */
final class Calls {
    static final int MAX_TARGETS = 4;

    final Expressions ex;
    final MethodCtx ctx;
    final LibraryCalls library;

    Calls(Expressions ex) {
        this.ex = ex;
        this.ctx = ex.ctx;
        this.library = new LibraryCalls(ex);
    }

    Val call(MethodCallExpr m, State st) {
        String name = m.getNameAsString();
        Expression scope = m.getScope().orElse(null);
        String stype = scope == null ? null : staticType(scope, st);
        boolean self = scope == null || scope instanceof ThisExpr || scope instanceof SuperExpr;
        Val recv = scope != null && stype == null && !self ? ex.eval(scope, st) : null;
        var args = new ArrayList<Val>(m.getArguments().size());
        for (Expression a : m.getArguments()) {
            args.add(a instanceof LambdaExpr || a instanceof MethodReferenceExpr ? Val.UNKNOWN : ex.eval(a, st));
        }
        if (st.dead) return Val.UNKNOWN;
        var targets = resolve(name, scope, stype, recv, args);
        if (!targets.isEmpty()) {
            Val out = null;
            for (var t : targets) out = out == null ? apply(t, m, scope, recv, args, st) : Val.join(out, apply(t, m, scope, recv, args, st));
            return out;
        }
        String rtype = stype != null ? stype : recv != null ? recv.type : self && ctx.cls != null ? ctx.cls.name : null;
        if (scope == null) {
            String owner = ctx.file.staticImportOwner(name);
            if (owner != null) rtype = owner;
        }
        return library.call(m, name, scope, rtype, recv, args, st);
    }

    Val create(ObjectCreationExpr o, State st) {
        String type = o.getType().getNameAsString();
        var args = new ArrayList<Val>();
        for (Expression a : o.getArguments()) args.add(a instanceof LambdaExpr ? Val.UNKNOWN : ex.eval(a, st));
        ClassInfo c = o.getAnonymousClassBody().isPresent() ? ctx.an.index.classOf(o) : ctx.an.index.lookup(type, ctx.file, ctx.cls);
        if (c == null) return library.create(o, type, args, st);
        int id = ctx.newObj(st, HeapObj.of(HeapObj.Kind.OBJECT, type, o));
        Val self = new Val(Taints.EMPTY, null, id, type);
        ClassInfo k = c.node instanceof ObjectCreationExpr ? ctx.an.index.lookup(type, ctx.file, ctx.cls) : c;
        if (k != null) {
            var ctor = pick(k.constructors, args);
            for (var t : ctor) applyEffects(t, o, null, self, args, o.getArguments(), st);
        } else {
            Taints deep = Taints.EMPTY;
            for (Val a : args) deep = deep.union(st.deep(a));
            st.heap.put(id, st.heap.get(id).withWhole(deep));
        }
        return self;
    }

    void explicitConstructor(ExplicitConstructorInvocationStmt e, State st) {
        var args = new ArrayList<Val>();
        for (Expression a : e.getArguments()) args.add(ex.eval(a, st));
        if (ctx.cls == null) return;
        ClassInfo target = ctx.cls;
        if (!e.isThis()) {
            target = null;
            for (String s : ctx.cls.supertypes) {
                ClassInfo sup = ctx.an.index.lookup(s, ctx.file, ctx.cls);
                if (sup != null && !sup.isInterface) target = sup;
            }
        }
        if (target == null) return;
        for (var t : pick(target.constructors, args)) {
            if (t != ctx.method) applyEffects(t, e, null, null, args, e.getArguments(), st);
        }
    }

    /** The simple name of the type {@code scope} denotes (a static call or constant), or null if it is a value. */
    String staticType(Expression scope, State st) {
        if (scope instanceof NameExpr n) {
            String name = n.getNameAsString();
            if (ex.isLocal(name, st) || ex.fields.find(ctx.cls, name) != null) return null;
            if (ctx.an.index.lookup(name, ctx.file, ctx.cls) != null || ctx.file.importOf(name) != null) return name;
            return Character.isUpperCase(name.charAt(0)) ? name : null;
        }
        if (scope instanceof FieldAccessExpr fa) {
            var parts = new ArrayList<String>();
            Expression e = fa;
            while (e instanceof FieldAccessExpr f) {
                parts.add(0, f.getNameAsString());
                e = f.getScope();
            }
            if (!(e instanceof NameExpr root)) return null;
            String first = root.getNameAsString();
            if (ex.isLocal(first, st) || ex.fields.find(ctx.cls, first) != null) return null;
            parts.add(0, first);
            String type = null;
            ClassInfo cls = null;
            for (String p : parts) {
                if (type == null) {
                    if (Character.isUpperCase(p.charAt(0))) {
                        type = p;
                        cls = ctx.an.index.lookup(p, ctx.file, ctx.cls);
                    }
                } else if (cls != null ? cls.fields.containsKey(p) : p.equals(p.toUpperCase(java.util.Locale.ROOT))) {
                    return null;
                } else {
                    type = p;
                    cls = cls == null ? null : ctx.an.index.lookup(p, cls.file, cls);
                }
            }
            return type;
        }
        return null;
    }

    private List<CallableDeclaration<?>> resolve(String name, Expression scope, String stype, Val recv, List<Val> args) {
        ClassInfo start;
        boolean virtual = false;
        if (scope == null || scope instanceof ThisExpr) {
            for (ClassInfo c = ctx.cls; c != null; c = c.outer) {
                var found = pick(inHierarchy(c, name), args);
                if (!found.isEmpty()) return withBodies(found, name, args, c, false);
            }
            return List.of();
        } else if (scope instanceof SuperExpr) {
            var out = new ArrayList<CallableDeclaration<?>>();
            if (ctx.cls != null) for (String s : ctx.cls.supertypes) {
                ClassInfo sup = ctx.an.index.lookup(s, ctx.file, ctx.cls);
                if (sup != null) out.addAll(pick(inHierarchy(sup, name), args));
            }
            return withBodies(out, name, args, null, false);
        } else if (stype != null) {
            start = ctx.an.index.lookup(stype, ctx.file, ctx.cls);
        } else {
            start = recv == null ? null : ctx.an.index.lookup(recv.type, ctx.file, ctx.cls);
            virtual = true;
        }
        if (start == null) return List.of();
        return withBodies(pick(inHierarchy(start, name), args), name, args, start, virtual);
    }

    /** Declarations with bodies; an abstract or interface method is replaced by its project implementations. */
    private List<CallableDeclaration<?>> withBodies(List<CallableDeclaration<?>> found, String name, List<Val> args, ClassInfo start,
                                                    boolean virtual) {
        var out = new ArrayList<CallableDeclaration<?>>();
        boolean abstractOnly = true;
        for (var d : found) {
            if (d instanceof MethodDeclaration md && md.getBody().isEmpty()) continue;
            abstractOnly = false;
            if (out.size() < MAX_TARGETS) out.add(d);
        }
        if (start != null && (abstractOnly || (virtual && start.isInterface))) {
            for (ClassInfo sub : ctx.an.index.subtypesOf(start.name)) {
                for (var d : pick(sub.methodsNamed(name), args)) {
                    if (d instanceof MethodDeclaration md && md.getBody().isPresent() && out.size() < MAX_TARGETS && !out.contains(d)) out.add(d);
                }
            }
        }
        return out;
    }

    private List<CallableDeclaration<?>> inHierarchy(ClassInfo c, String name) {
        var out = new ArrayList<CallableDeclaration<?>>(c.methodsNamed(name));
        if (!out.isEmpty()) return out;
        ClassInfo k = c;
        for (int depth = 0; depth < 6 && out.isEmpty() && k != null; depth++) {
            ClassInfo next = null;
            for (String s : k.supertypes) {
                ClassInfo sup = ctx.an.index.lookup(s, k.file, k);
                if (sup == null || sup == k) continue;
                out.addAll(sup.methodsNamed(name));
                if (next == null) next = sup;
            }
            k = next;
        }
        return out;
    }

    /** Overloads that take this many arguments, narrowed by argument types when that decides. */
    static List<CallableDeclaration<?>> pick(List<? extends CallableDeclaration<?>> all, List<Val> args) {
        var byArity = new ArrayList<CallableDeclaration<?>>();
        for (var d : all) {
            int n = d.getParameters().size();
            boolean varargs = n > 0 && d.getParameter(n - 1).isVarArgs();
            if (n == args.size() || (varargs && args.size() >= n - 1)) byArity.add(d);
        }
        if (byArity.size() <= 1) return byArity;
        var typed = new ArrayList<CallableDeclaration<?>>();
        for (var d : byArity) if (typesFit(d, args)) typed.add(d);
        return typed.isEmpty() ? byArity.subList(0, Math.min(MAX_TARGETS, byArity.size())) : typed.subList(0, Math.min(MAX_TARGETS, typed.size()));
    }

    private static boolean typesFit(CallableDeclaration<?> d, List<Val> args) {
        for (int i = 0; i < Math.min(args.size(), d.getParameters().size()); i++) {
            String p = ProjectIndex.typeName(d.getParameter(i).getType());
            String a = args.get(i).type;
            if (p == null || a == null || d.getParameter(i).isVarArgs()) continue;
            boolean pNum = Folding.isNumeric(p);
            boolean aNum = Folding.isNumeric(a);
            if (pNum != aNum) return false;
            if (!pNum && !p.equals(a) && (p.equals("String") || a.equals("String")) && !p.equals("Object") && !p.equals("CharSequence")) return false;
        }
        return true;
    }

    private Val apply(CallableDeclaration<?> target, MethodCallExpr m, Expression scope, Val recv, List<Val> args, State st) {
        return applyEffects(target, m, scope, recv, args, m.getArguments(), st);
    }

    private static final java.util.regex.Pattern ESCAPER = java.util.regex.Pattern.compile(
            "(?i)(escap|sanitiz|encod(?!e?base)|clean|neutrali[sz])");

    /**
     * The project's own escaping helpers, recognised by name ({@code doFilterEscaping}, {@code escapeHtml},
     * {@code sanitizePath}): their result is safe for the sink kind the name mentions, or every injection kind.
     */
    private int sanitizerByName(String name) {
        if (!ESCAPER.matcher(name).find()) return 0;
        String n = name.toLowerCase(java.util.Locale.ROOT);
        var m = ctx.an.models;
        if (n.contains("html") || n.contains("xml") || n.contains("js") || n.contains("javascript")) return m.kindBit("xss");
        if (n.contains("sql")) return m.kindBit("sql");
        if (n.contains("ldap") || n.contains("filter") || n.contains("dn")) return m.kindBit("ldap");
        if (n.contains("xpath")) return m.kindBit("xpath");
        if (n.contains("shell") || n.contains("command") || n.contains("arg")) return m.kindBit("command");
        if (n.contains("path") || n.contains("file")) return m.kindBit("path");
        if (n.contains("url") || n.contains("uri")) return m.kindBit("xss") | m.kindBit("ssrf");
        return m.injectionMask();
    }

    /** A tracked object with settings handed to project code: its settings can no longer be judged here. */
    private static void escape(Val a, State st) {
        if (a.obj >= 0 && st.heap.get(a.obj) instanceof HeapObj h && !h.flags().isEmpty()) st.heap.put(a.obj, h.withFlag("escaped", true));
    }

    /** Applies a callee's summary at a call: result, receiver fields, argument effects and sink hits. */
    Val applyEffects(CallableDeclaration<?> target, Node call, Expression scope, Val recv, List<Val> args,
                     List<Expression> argExprs, State st) {
        Summary s = ctx.an.summaries.of(target, ctx.depth + 1);
        for (Val a : args) escape(a, st);
        String retType = target instanceof MethodDeclaration md ? ProjectIndex.typeName(md.getType()) : null;
        var inputs = new Inputs(this, target, call, scope, recv, args, st);
        if (s.opaque) {
            Taints all = inputs.everything();
            return new Val(Folding.isNumeric(retType) ? all.withMask(ctx.an.models.injectionMask()) : all, null, -1, retType);
        }
        for (var e : s.thisFields.entrySet()) inputs.setReceiverField(e.getKey(), e.getValue());
        for (var e : s.argEffects.entrySet()) {
            int i = e.getKey();
            if (i < argExprs.size()) library.mutate(argExprs.get(i), args.get(i), inputs.substitute(e.getValue()), st);
        }
        for (Summary.SinkHit h : s.hits) inputs.replay(h);
        if (s.ret == null) return Val.typed(retType);
        Taints t = inputs.substitute(s.ret.taints).withMask(sanitizerByName(target.getNameAsString()));
        if (!t.isEmpty()) t = ex.step(t, call, "returned from " + target.getNameAsString() + "()");
        return new Val(t, t.isEmpty() ? s.ret.constant : null, -1, s.ret.type != null ? s.ret.type : retType);
    }
}
