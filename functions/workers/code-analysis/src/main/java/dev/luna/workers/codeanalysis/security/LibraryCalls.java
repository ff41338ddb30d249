package dev.luna.workers.codeanalysis.security;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import java.util.List;

/**
 * Calls into code the project does not contain, interpreted through the taint models: sources, sinks, sanitizers,
 * propagators and result types; collections structurally ({@link CollectionOps}); the security pattern checks
 * ({@link PatternChecks}); a tainted receiver taints the result unless the method's result is clean.
 */
final class LibraryCalls {
    private final Expressions ex;
    private final MethodCtx ctx;
    private final TaintModels models;

    LibraryCalls(Expressions ex) {
        this.ex = ex;
        this.ctx = ex.ctx;
        this.models = ctx.an.models;
    }

    /** A state entry set once the method gave its response a content type no browser renders as HTML. */
    static final String PLAIN_RESPONSE = "$plain-response";
    private static final java.util.regex.Pattern NOT_HTML = java.util.regex.Pattern.compile(
            "(?i)^\\s*(text/plain|text/csv|application/json|application/octet-stream|application/pdf|image/)");

    Val call(MethodCallExpr m, String name, Expression scope, String rtype, Val recv, List<Val> args, State st) {
        if (name.equals("setContentType") && args.size() == 1 && args.get(0).constant instanceof String ct && NOT_HTML.matcher(ct).find()
                && (rtype == null || ctx.an.types.isSubtype(rtype, "ServletResponse"))) {
            st.vars.put(PLAIN_RESPONSE, Val.constant(Boolean.TRUE, "boolean"));
        }
        Object folded = Folding.stringCall(name, recv == null ? null : recv.constant, args);
        if (folded != null) return Val.constant(folded, Folding.typeOf(folded));
        Val structural = ex.collections.call(m, name, scope, rtype, recv, args, st);
        Val pattern = ctx.an.patterns.onCall(ex, m, name, rtype, recv, args, st);
        if (structural != null) return structural;
        String text = scope == null ? null : shortText(scope);
        Taints result = Taints.EMPTY;
        String resultType = null;
        boolean handled = false;
        boolean fluent = false;
        for (ModelRow row : models.rowsFor(name)) {
            if (!row.call().matches(rtype, text, ctx.an.types)) continue;
            if (row.call().method().equals("*") && models.cleanResult(name)) continue;
            switch (row) {
                case ModelRow.Source s -> {
                    handled = true;
                    Taint t = sourceTaint(s, m, args);
                    if (s.out() < 0) result = result.plus(t);
                    else if (s.out() < args.size()) mutate(m.getArgument(s.out()), args.get(s.out()), Taints.of(t), st);
                }
                case ModelRow.Sink k -> sink(k.kind(), k.args(), k.label(), m, recv, args, st);
                case ModelRow.Sanitizer z -> {
                    handled = true;
                    result = result.union(all(recv, args, st).withMask(z.mask()));
                }
                case ModelRow.Propagator p -> {
                    handled = true;
                    Taints from = Taints.EMPTY;
                    for (int pos : p.from()) from = from.union(at(pos, recv, args, st));
                    if (!from.isEmpty() && p.to() != ModelRow.Propagator.TO_RETURN) from = ex.step(from, m, "through " + name + "()");
                    if (p.to() == ModelRow.Propagator.TO_RETURN) result = result.union(from);
                    else if (p.to() == ModelRow.Sink.RECEIVER) mutate(scope, recv, from, st);
                    else if (p.to() < args.size()) mutate(m.getArgument(p.to()), args.get(p.to()), from, st);
                    fluent |= p.fluent();
                }
                case ModelRow.Returns r -> resultType = r.returns();
            }
        }
        if (!handled && recv != null && !models.cleanResult(name)) result = result.union(st.deep(recv));
        result = result.union(lambdas(m, recv, args, st));
        if (fluent && recv != null) return recv;
        if (pattern != null) return pattern.isConstant() || result.isEmpty() ? pattern : pattern.withTaints(result);
        if (Folding.isNumeric(resultType) || models.cleanResult(name)) result = result.withMask(models.injectionMask());
        return Val.tainted(result, resultType);
    }

    Val create(ObjectCreationExpr o, String type, List<Val> args, State st) {
        Val structural = ex.collections.create(o, type, args, st);
        if (structural != null) return structural;
        Taints whole = Taints.EMPTY;
        boolean propagated = false;
        for (ModelRow row : models.rowsFor("<init>")) {
            if (!row.call().matches(type, null, ctx.an.types)) continue;
            switch (row) {
                case ModelRow.Sink k -> sink(k.kind(), k.args(), k.label(), o, null, args, st);
                case ModelRow.Propagator p -> {
                    propagated = true;
                    for (int pos : p.from()) whole = whole.union(at(pos, null, args, st));
                }
                case ModelRow.Source s -> whole = whole.plus(sourceTaint(s, o, args));
                default -> {
                }
            }
        }
        if (!propagated) whole = whole.union(all(null, args, st));
        if (type.equals("String")) {
            Object c = args.size() == 1 && args.get(0).constant instanceof String s ? s : null;
            return c != null ? Val.constant(c, "String") : Val.tainted(whole, "String");
        }
        int id = ctx.newObj(st, HeapObj.of(HeapObj.Kind.OBJECT, type, o).withWhole(whole));
        Val v = new Val(Taints.EMPTY, null, id, type);
        ctx.an.patterns.onCreate(ex, o, type, args, v, st);
        return v;
    }

    private Taint sourceTaint(ModelRow.Source s, Node at, List<Val> args) {
        String label = s.label();
        if (label.contains("{0}")) {
            Object first = args.isEmpty() ? null : args.get(0).constant;
            label = first instanceof String str ? label.replace("{0}", str) : label.replace(" '{0}'", "");
        }
        return new Taint(new Origin.Source(s.kind(), label), 0, Step.source(ctx.file, at, label + " read"));
    }

    private Taints at(int pos, Val recv, List<Val> args, State st) {
        if (pos == ModelRow.Sink.RECEIVER) return recv == null ? Taints.EMPTY : st.deep(recv);
        if (pos == ModelRow.Sink.ALL) return all(null, args, st);
        return pos < args.size() ? st.deep(args.get(pos)) : Taints.EMPTY;
    }

    private Taints all(Val recv, List<Val> args, State st) {
        Taints t = recv == null ? Taints.EMPTY : st.deep(recv);
        for (Val a : args) t = t.union(st.deep(a));
        return t;
    }

    /** Checks the values at a sink's positions; every live taint is a hit. */
    void sink(String kind, List<Integer> positions, String label, Node at, Val recv, List<Val> args, State st) {
        int bit = models.kindBit(kind);
        if (kind.equals("xss") && st.vars.containsKey(PLAIN_RESPONSE)) return;
        if (kind.equals("path") && keepsOnlyTheName(at)) return;
        for (int pos : positions) {
            if (pos == ModelRow.Sink.ALL) {
                for (Val a : args) hit(kind, bit, label, at, st.deep(a));
            } else {
                hit(kind, bit, label, at, at(pos, recv, args, st));
            }
        }
    }

    private void hit(String kind, int bit, String label, Node at, Taints t) {
        for (Taint x : t) {
            if (x.reaches(bit)) ctx.an.sinkHit(ctx, x.withStep(Step.after(x.step(), "sink", ctx.file, at, label)), kind, bit, ctx.file, at, label);
        }
    }

    /** {@code Paths.get(x).getFileName()}, {@code new File(x).getName()}: the path is built only to take its last part. */
    private static boolean keepsOnlyTheName(Node at) {
        return at.getParentNode().orElse(null) instanceof MethodCallExpr parent && parent.getScope().orElse(null) == at
                && (parent.getNameAsString().equals("getFileName") || parent.getNameAsString().equals("getName"));
    }

    /** A value stored under a secret-sounding name (token, password, salt…) is a security-value sink. */
    void namedSink(String name, Val v, Node at, State st) {
        String kind = models.namedTargetKind();
        hit(kind, models.kindBit(kind), "a value named '" + name + "'", at, st.deep(v));
    }

    /** Returns that are sinks: from a secret-named method; from a Spring handler that writes its String result. */
    void returnSinks(ReturnStmt r, Val v, State st) {
        if (!(ctx.method instanceof MethodDeclaration md)) return;
        if (models.isSecretName(md.getNameAsString()) && !md.getNameAsString().startsWith("get")) {
            namedSink(md.getNameAsString(), v, r, st);
        }
        if (ctx.an.isResponseBodyHandler(md, ctx.cls)) {
            hit("xss", models.kindBit("xss"), "the HTTP response body returned by a Spring handler", r, st.deep(v));
        }
    }

    /** Adds taint to what an expression denotes: a tracked object, a local, a parameter's object, or a field. */
    void mutate(Expression target, Val v, Taints t, State st) {
        if (t.isEmpty()) return;
        if (v != null && v.obj >= 0 && st.heap.containsKey(v.obj)) {
            st.heap.put(v.obj, st.heap.get(v.obj).withWhole(t));
            return;
        }
        if (target instanceof NameExpr n) {
            String name = n.getNameAsString();
            Integer param = ctx.paramIndex.get(name);
            if (param != null) ctx.summary.argEffect(param, t);
            if (ex.isLocal(name, st)) {
                Val old = st.vars.getOrDefault(name, Val.typed(ctx.declaredTypes.get(name)));
                st.vars.put(name, old.withTaints(old.taints.union(t)));
                return;
            }
            var f = ex.fields.find(ctx.cls, name);
            if (f != null) ex.fields.write(f, Val.tainted(ex.fields.read(f, st, n, true).taints.union(t), f.type()), n, st);
        } else if (target instanceof FieldAccessExpr fa && fa.getScope() instanceof ThisExpr) {
            var f = ex.fields.find(ctx.cls, fa.getNameAsString());
            if (f != null) ex.fields.write(f, Val.tainted(ex.fields.read(f, st, fa, true).taints.union(t), f.type()), fa, st);
        } else if (target == null && ctx.cls != null && !ctx.isStatic) {
            ctx.summary.argEffect(-1, t);
        }
    }

    /** Lambdas passed to a library call run once with the receiver's and arguments' taint as their parameters. */
    private Taints lambdas(MethodCallExpr m, Val recv, List<Val> args, State st) {
        Taints out = Taints.EMPTY;
        for (Expression a : m.getArguments()) {
            if (!(a instanceof LambdaExpr l)) continue;
            Taints in = all(recv, args, st);
            State ls = st.copy();
            for (var p : l.getParameters()) {
                ctx.declaredTypes.put(p.getNameAsString(), ProjectIndex.typeName(p.getType()));
                ls.vars.put(p.getNameAsString(), Val.tainted(in, null));
            }
            if (l.getExpressionBody().isPresent()) {
                out = out.union(ls.deep(ex.eval(l.getExpressionBody().get(), ls)));
            } else {
                Val saved = ctx.lambdaResult;
                ctx.lambdaResult = Val.UNKNOWN;
                ctx.lambdaDepth++;
                try {
                    ex.interp.exec(l.getBody(), ls);
                    out = out.union(ctx.lambdaResult.taints);
                } finally {
                    ctx.lambdaDepth--;
                    ctx.lambdaResult = saved;
                }
            }
            for (var e : ls.heap.entrySet()) st.heap.merge(e.getKey(), e.getValue(), HeapObj::join);
        }
        return out;
    }

    static String shortText(Expression e) {
        return switch (e) {
            case NameExpr n -> n.getNameAsString();
            case FieldAccessExpr f -> shortText(f.getScope()) + "." + f.getNameAsString();
            case MethodCallExpr c -> (c.getScope().map(LibraryCalls::shortText).orElse("")) + "." + c.getNameAsString() + "()";
            default -> "";
        };
    }
}
