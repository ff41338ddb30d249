package dev.luna.workers.codeanalysis.security;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.stmt.AssertStmt;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.ContinueStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.LabeledStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.SwitchStmt;
import com.github.javaparser.ast.stmt.SynchronizedStmt;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.stmt.YieldStmt;
import java.util.List;

/**
 * Walks a method's statements over {@link State}s: branches on a constant condition take only the live branch,
 * other branches are analysed on copies and joined; loops run until their state is stable (at most three rounds);
 * a switch on a constant runs only the matching case (with fall-through); break, continue, return and throw end a
 * path. Expressions are {@link Expressions}' job.
 */
final class Interpreter {
    private static final int LOOP_ROUNDS = 3;

    final MethodCtx ctx;
    final Expressions ex;

    Interpreter(MethodCtx ctx) {
        this.ctx = ctx;
        this.ex = new Expressions(ctx, this);
    }

    void exec(Statement s, State st) {
        if (st.dead || !ctx.spend()) return;
        switch (s) {
            case BlockStmt b -> {
                for (Statement x : b.getStatements()) {
                    if (st.dead) break;
                    exec(x, st);
                }
            }
            case ExpressionStmt e -> ex.eval(e.getExpression(), st);
            case IfStmt i -> ifStmt(i, st);
            case WhileStmt w -> loop(null, w.getCondition(), w.getBody(), List.of(), st, false);
            case DoStmt d -> loop(null, d.getCondition(), d.getBody(), List.of(), st, true);
            case ForStmt f -> forStmt(null, f, st);
            case ForEachStmt f -> forEach(null, f, st);
            case SwitchStmt sw -> switchOf(null, sw.getSelector(), sw.getEntries(), st, false);
            case ReturnStmt r -> {
                if (r.getExpression().isPresent()) ex.returned(r, ex.eval(r.getExpression().get(), st), st);
                st.dead = true;
            }
            case ThrowStmt t -> {
                ex.eval(t.getExpression(), st);
                st.dead = true;
            }
            case BreakStmt b -> {
                MethodCtx.Frame f = frame(b.getLabel().map(l -> l.asString()).orElse(null), false);
                if (f != null) f.breaks.add(st.copy());
                st.dead = true;
            }
            case ContinueStmt c -> {
                MethodCtx.Frame f = frame(c.getLabel().map(l -> l.asString()).orElse(null), true);
                if (f != null) f.continues.add(st.copy());
                st.dead = true;
            }
            case YieldStmt y -> {
                Val v = ex.eval(y.getExpression(), st);
                MethodCtx.Frame f = frame(null, false);
                if (f != null) {
                    f.yielded = Val.join(f.yielded, v);
                    f.breaks.add(st.copy());
                }
                st.dead = true;
            }
            case TryStmt t -> tryStmt(t, st);
            case LabeledStmt l -> labeled(l, st);
            case SynchronizedStmt y -> {
                ex.eval(y.getExpression(), st);
                exec(y.getBody(), st);
            }
            case ExplicitConstructorInvocationStmt e -> ex.explicitConstructor(e, st);
            case AssertStmt a -> {
            }
            default -> {
            }
        }
    }

    private MethodCtx.Frame frame(String label, boolean loopOnly) {
        for (MethodCtx.Frame f : ctx.frames) {
            if (label != null ? label.equals(f.label) : (!loopOnly || f.loop)) return f;
        }
        return null;
    }

    private void ifStmt(IfStmt i, State st) {
        Boolean c = Folding.truth(ex.eval(i.getCondition(), st));
        if (Boolean.TRUE.equals(c)) {
            exec(i.getThenStmt(), st);
        } else if (Boolean.FALSE.equals(c)) {
            i.getElseStmt().ifPresent(e -> exec(e, st));
        } else {
            State other = st.copy();
            Guards.refine(ex, i.getCondition(), st, true);
            exec(i.getThenStmt(), st);
            Guards.refine(ex, i.getCondition(), other, false);
            i.getElseStmt().ifPresent(e -> exec(e, other));
            st.joinWith(other);
        }
    }

    private void forStmt(String label, ForStmt f, State st) {
        for (Expression init : f.getInitialization()) ex.eval(init, st);
        loop(label, f.getCompare().orElse(null), f.getBody(), f.getUpdate(), st, false);
    }

    /** A loop: rounds over the body until the state at its head is stable; the exit joins the head and the breaks. */
    private void loop(String label, Expression cond, Statement body, List<Expression> update, State st, boolean doWhile) {
        var frame = new MethodCtx.Frame(label, true);
        ctx.frames.push(frame);
        try {
            Boolean first = doWhile || cond == null ? Boolean.TRUE : Folding.truth(ex.eval(cond, st));
            if (Boolean.FALSE.equals(first)) return;
            State head = st.copy();
            boolean forever = cond == null;
            for (int round = 0; round < LOOP_ROUNDS; round++) {
                State b = head.copy();
                if (round > 0 || !doWhile) Guards.refine(ex, cond, b, true);
                exec(body, b);
                for (State c : frame.continues) b.joinWith(c);
                frame.continues.clear();
                for (Expression u : update) if (!b.dead) ex.eval(u, b);
                if (cond != null && !b.dead) {
                    Boolean again = Folding.truth(ex.eval(cond, b));
                    forever = Boolean.TRUE.equals(again);
                }
                State next = State.join(head, b);
                boolean stable = next.same(head);
                head = next;
                if (stable) break;
            }
            State exit = forever ? State.deadState() : head;
            if (!forever && cond != null) Guards.refine(ex, cond, exit, false);
            for (State b : frame.breaks) exit.joinWith(b);
            st.assign(exit);
        } finally {
            ctx.frames.pop();
        }
    }

    private void forEach(String label, ForEachStmt f, State st) {
        Val it = ex.eval(f.getIterable(), st);
        Val elem = ex.collections.elementOf(it, st, f.getIterable());
        var decl = f.getVariable().getVariables().get(0);
        String name = decl.getNameAsString();
        ctx.declaredTypes.put(name, ProjectIndex.typeName(decl.getType()));
        var frame = new MethodCtx.Frame(label, true);
        ctx.frames.push(frame);
        try {
            State head = st.copy();
            for (int round = 0; round < LOOP_ROUNDS; round++) {
                State b = head.copy();
                ex.setLocal(name, elem, decl, b);
                exec(f.getBody(), b);
                for (State c : frame.continues) b.joinWith(c);
                frame.continues.clear();
                State next = State.join(head, b);
                boolean stable = next.same(head);
                head = next;
                if (stable) break;
            }
            for (State b : frame.breaks) head.joinWith(b);
            st.assign(head);
        } finally {
            ctx.frames.pop();
        }
    }

    /** A switch statement or expression; for an expression, returns the joined value of its live cases. */
    Val switchOf(String label, Expression selector, List<SwitchEntry> entries, State st, boolean isExpr) {
        Val sel = ex.eval(selector, st);
        var frame = new MethodCtx.Frame(label, false);
        ctx.frames.push(frame);
        try {
            int start = sel.isConstant() ? matchingEntry(sel, entries, st) : -2;
            if (start == -1) {
                if (isExpr) st.dead = false;
                return Val.UNKNOWN;
            }
            State fall = null;
            State exits = State.deadState();
            boolean hasDefault = false;
            for (int i = Math.max(0, start); i < entries.size(); i++) {
                SwitchEntry e = entries.get(i);
                hasDefault |= e.isDefault();
                boolean arrow = e.getType() != SwitchEntry.Type.STATEMENT_GROUP;
                State s;
                if (start >= 0) {
                    if (i > start && (fall == null || arrow)) break;
                    s = i == start ? st.copy() : fall;
                } else {
                    s = st.copy();
                    if (fall != null && !arrow) s.joinWith(fall);
                }
                for (Statement x : e.getStatements()) {
                    if (s.dead) break;
                    if (isExpr && arrow && x instanceof ExpressionStmt es) {
                        frame.yielded = Val.join(frame.yielded, ex.eval(es.getExpression(), s));
                        frame.breaks.add(s.copy());
                        s.dead = true;
                    } else {
                        exec(x, s);
                    }
                }
                if (arrow) {
                    exits.joinWith(s);
                    fall = null;
                } else {
                    fall = s.dead ? null : s;
                }
            }
            if (fall != null) exits.joinWith(fall);
            for (State b : frame.breaks) exits.joinWith(b);
            if (start == -2 && !hasDefault && !isExpr) exits.joinWith(st);
            st.assign(exits);
            if (isExpr && st.dead) st.dead = false;
            return frame.yielded == null ? Val.UNKNOWN : frame.yielded;
        } finally {
            ctx.frames.pop();
        }
    }

    /** The entry a constant selector jumps to: a matching label, else the default, else -1 (none). */
    private int matchingEntry(Val sel, List<SwitchEntry> entries, State st) {
        int dflt = -1;
        for (int i = 0; i < entries.size(); i++) {
            SwitchEntry e = entries.get(i);
            if (e.isDefault()) dflt = i;
            for (Expression label : e.getLabels()) {
                Object c = label.isNameExpr() ? label.asNameExpr().getNameAsString() : ex.eval(label, st.copy()).constant;
                if (c == null) return -2;
                if (Folding.equal(sel.constant, c)) return i;
            }
        }
        return dflt;
    }

    Val switchExpr(SwitchExpr e, State st) {
        return switchOf(null, e.getSelector(), e.getEntries(), st, true);
    }

    private void tryStmt(TryStmt t, State st) {
        for (Expression r : t.getResources()) ex.eval(r, st);
        State pre = st.copy();
        exec(t.getTryBlock(), st);
        State entry = State.join(pre, st);
        for (var c : t.getCatchClauses()) {
            State cs = entry.copy();
            ctx.declaredTypes.put(c.getParameter().getNameAsString(), ProjectIndex.typeName(c.getParameter().getType()));
            exec(c.getBody(), cs);
            st.joinWith(cs);
        }
        t.getFinallyBlock().ifPresent(f -> {
            if (st.dead) {
                State fs = entry.copy();
                exec(f, fs);
            } else {
                exec(f, st);
            }
        });
    }

    private void labeled(LabeledStmt l, State st) {
        String label = l.getLabel().asString();
        switch (l.getStatement()) {
            case ForStmt f -> forStmt(label, f, st);
            case ForEachStmt f -> forEach(label, f, st);
            case WhileStmt w -> loop(label, w.getCondition(), w.getBody(), List.of(), st, false);
            case DoStmt d -> loop(label, d.getCondition(), d.getBody(), List.of(), st, true);
            case SwitchStmt sw -> switchOf(label, sw.getSelector(), sw.getEntries(), st, false);
            default -> {
                var frame = new MethodCtx.Frame(label, false);
                ctx.frames.push(frame);
                try {
                    exec(l.getStatement(), st);
                    for (State b : frame.breaks) st.joinWith(b);
                } finally {
                    ctx.frames.pop();
                }
            }
        }
    }
}
