package dev.luna.workers.codeanalysis.security;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The caller's side of one call to a summarised method: what each {@link Origin.Input} placeholder of the callee
 * stands for here (an argument, the receiver, one of the receiver's fields), and the substitution of callee taints
 * into caller taints, with the trace re-linked through the call.
 */
final class Inputs {
    private final Calls calls;
    private final MethodCtx ctx;
    private final CallableDeclaration<?> target;
    private final Node call;
    private final Expression scope;
    private final Val recv;
    private final List<Val> args;
    private final State st;
    private final Map<Origin.Input, Taints> cache = new HashMap<>();

    Inputs(Calls calls, CallableDeclaration<?> target, Node call, Expression scope, Val recv, List<Val> args, State st) {
        this.calls = calls;
        this.ctx = calls.ctx;
        this.target = target;
        this.call = call;
        this.scope = scope;
        this.recv = recv;
        this.args = args;
        this.st = st;
    }

    private boolean onThis() {
        return recv == null && (scope == null || scope instanceof ThisExpr);
    }

    /** Every taint the call passes in (for an opaque callee). */
    Taints everything() {
        Taints t = recv == null ? Taints.EMPTY : st.deep(recv);
        for (Val a : args) t = t.union(st.deep(a));
        return t;
    }

    /** What the caller passes for a placeholder. */
    Taints actual(Origin.Input in) {
        return cache.computeIfAbsent(in, this::compute);
    }

    private Taints compute(Origin.Input in) {
        if (in.param() >= 0) {
            int n = target.getParameters().size();
            if (n > 0 && in.param() == n - 1 && target.getParameter(n - 1).isVarArgs() && args.size() != n) {
                Taints t = Taints.EMPTY;
                for (int i = n - 1; i < args.size(); i++) t = t.union(st.deep(args.get(i)));
                return t;
            }
            return in.param() < args.size() ? st.deep(args.get(in.param())) : Taints.EMPTY;
        }
        if (in.field() == null) return recv == null ? Taints.EMPTY : st.deep(recv);
        if (onThis()) {
            Val mine = st.vars.get("this." + in.field());
            if (mine != null) return st.deep(mine);
            var f = calls.ex.fields.find(ctx.cls, in.field());
            return f == null ? Taints.EMPTY : calls.ex.fields.read(f, st, call, true).taints;
        }
        if (recv == null) return Taints.EMPTY;
        if (recv.obj >= 0) {
            HeapObj h = st.heap.get(recv.obj);
            if (h == null) return Taints.EMPTY;
            Val fv = h.fields().get(in.field());
            return fv == null ? h.whole() : st.deep(fv).union(h.whole());
        }
        return recv.taints;
    }

    /** Callee taints in caller terms: real sources stay, placeholders become what the caller passed. */
    Taints substitute(Taints callee) {
        Taints out = Taints.EMPTY;
        for (Taint t : callee) {
            if (t.origin() instanceof Origin.Input in) {
                for (Taint a : actual(in)) out = out.plus(combine(a, t));
            } else {
                out = out.plus(t);
            }
        }
        return out;
    }

    private Taint combine(Taint actual, Taint inCallee) {
        Step viaCall = Step.after(actual.step(), "step", ctx.file, call, "passed to " + target.getNameAsString() + "()");
        Step chain = inCallee.step() == null ? viaCall : inCallee.step().reroot(viaCall);
        return new Taint(actual.origin(), actual.mask() | inCallee.mask(), chain);
    }

    /** A callee's field write, seen by the caller: on this object, a tracked object, a local, or the field store. */
    void setReceiverField(String field, Val v) {
        Taints t = substitute(v.taints);
        Val nv = new Val(t, t.isEmpty() ? v.constant : null, -1, v.type);
        if (onThis()) {
            var f = calls.ex.fields.find(ctx.cls, field);
            if (f != null) {
                st.vars.put(Fields.key(f), nv);
                ctx.an.fields.write(f, t);
                if (!f.isStatic()) ctx.summary.thisFields.merge(field, nv, Val::join);
            }
            return;
        }
        if (recv == null) return;
        if (recv.obj >= 0 && st.heap.containsKey(recv.obj)) {
            st.heap.put(recv.obj, st.heap.get(recv.obj).withField(field, nv));
        } else if (!t.isEmpty() && Inputs.isParam(ctx, scope)) {
            // an object the caller received: the caller's caller may track it. Any other untracked object (a field, a
            // lookup result) is not tainted as a whole, and its class's field is not tainted everywhere either: that
            // flow-insensitive guess costs more false alarms than the flows it finds.
            ctx.summary.argEffect(ctx.paramIndex.get(((NameExpr) scope).getNameAsString()), t);
        }
    }

    /** A callee's sink hit, replayed with what the caller passed: a finding, or a hit of the caller's own summary. */
    void replay(Summary.SinkHit h) {
        if (!(h.taint().origin() instanceof Origin.Input in)) return;
        for (Taint a : actual(in)) {
            int mask = a.mask() | h.taint().mask();
            if ((mask & h.kindBit()) != 0) continue;
            ctx.an.sinkHit(ctx, combine(a, h.taint()).withMask(0), h.kind(), h.kindBit(), h.file(), h.sink(), h.label());
        }
    }

    static boolean isParam(MethodCtx ctx, Expression e) {
        return e instanceof NameExpr n && ctx.paramIndex.containsKey(n.getNameAsString());
    }
}
