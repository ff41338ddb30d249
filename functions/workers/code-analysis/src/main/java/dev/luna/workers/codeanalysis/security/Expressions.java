package dev.luna.workers.codeanalysis.security;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.InstanceOfExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import java.util.ArrayList;

/**
 * Evaluates expressions to {@link Val}s: literals and constant folding, locals, fields (constants, the project-wide
 * field store, {@code this.field} placeholders), assignments (with trace steps), operators, conditionals on constant
 * conditions, arrays; calls and object creation go to {@link Calls}.
 */
final class Expressions {
    private static final int MAX_DEPTH = 150;
    /** A URL prefix that already fixes scheme and host: what is appended cannot change where a request goes. */
    private static final java.util.regex.Pattern FIXED_HOST = java.util.regex.Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/?#\\s]+[/?#]");

    final MethodCtx ctx;
    final Interpreter interp;
    final Calls calls;
    final CollectionOps collections;
    final Fields fields;

    Expressions(MethodCtx ctx, Interpreter interp) {
        this.ctx = ctx;
        this.interp = interp;
        this.collections = new CollectionOps(this);
        this.fields = new Fields(this);
        this.calls = new Calls(this);
    }

    Val eval(Expression e, State st) {
        if (st.dead || ctx.exprDepth > MAX_DEPTH || !ctx.spend()) return Val.UNKNOWN;
        ctx.exprDepth++;
        try {
            return switch (e) {
                case StringLiteralExpr s -> Val.constant(s.asString(), "String");
                case TextBlockLiteralExpr s -> Val.constant(s.asString(), "String");
                case CharLiteralExpr c -> Val.constant(c.asChar(), "char");
                case IntegerLiteralExpr i -> Val.constant(i.asNumber() instanceof Integer n ? n : null, "int");
                case LongLiteralExpr l -> Val.constant(l.asNumber() instanceof Long n ? n : null, "long");
                case DoubleLiteralExpr d -> Val.constant(d.asDouble(), "double");
                case BooleanLiteralExpr b -> Val.constant(b.getValue(), "boolean");
                case NullLiteralExpr n -> Val.constant(Val.NULL, null);
                case NameExpr n -> fields.name(n, st);
                case FieldAccessExpr f -> fields.access(f, st);
                case ThisExpr t -> Val.typed(ctx.cls == null ? null : ctx.cls.name);
                case MethodCallExpr m -> calls.call(m, st);
                case ObjectCreationExpr o -> calls.create(o, st);
                case AssignExpr a -> assign(a, st);
                case BinaryExpr b -> binary(b, st);
                case UnaryExpr u -> unary(u, st);
                case ConditionalExpr c -> conditional(c, st);
                case EnclosedExpr p -> eval(p.getInner(), st);
                case CastExpr c -> cast(c, st);
                case InstanceOfExpr i -> instanceOf(i, st);
                case ArrayAccessExpr a -> collections.arrayGet(eval(a.getName(), st), eval(a.getIndex(), st), st, a);
                case ArrayCreationExpr a -> a.getInitializer().map(i -> array(i, st)).orElseGet(() -> {
                    a.getLevels().forEach(l -> l.getDimension().ifPresent(d -> eval(d, st)));
                    return collections.newArray(st, a, Taints.EMPTY);
                });
                case ArrayInitializerExpr a -> array(a, st);
                case VariableDeclarationExpr v -> declare(v, st);
                case SwitchExpr s -> interp.switchExpr(s, st);
                default -> Val.UNKNOWN;
            };
        } finally {
            ctx.exprDepth--;
        }
    }

    private Val declare(VariableDeclarationExpr v, State st) {
        Val last = Val.UNKNOWN;
        for (var d : v.getVariables()) {
            String name = d.getNameAsString();
            ctx.declaredTypes.put(name, ProjectIndex.typeName(d.getType()));
            st.vars.remove(name);
            if (d.getInitializer().isPresent()) {
                last = eval(d.getInitializer().get(), st);
                setLocal(name, last, d, st);
            }
        }
        return last;
    }

    boolean isLocal(String name, State st) {
        return st.vars.containsKey(name) || ctx.declaredTypes.containsKey(name);
    }

    /** Assigns a local: applies its declared type (numbers carry no injection), adds a trace step, checks secret names. */
    void setLocal(String name, Val v, Node at, State st) {
        String declared = ctx.declaredTypes.get(name);
        if (v.type == null && declared != null) v = v.withType(declared);
        if (Folding.isNumeric(declared) && !v.taints.isEmpty()) v = v.withTaints(v.taints.withMask(ctx.an.models.injectionMask()));
        if (!v.taints.isEmpty()) v = v.withTaints(step(v.taints, at, "assigned to '" + name + "'"));
        st.vars.put(name, v);
        if (ctx.an.models.isSecretName(name)) calls.library.namedSink(name, v, at, st);
    }

    Taints step(Taints t, Node at, String note) {
        return t.map(x -> x.withStep(Step.after(x.step(), "step", ctx.file, at, note)));
    }

    private Val assign(AssignExpr a, State st) {
        Val v = eval(a.getValue(), st);
        if (a.getOperator() != AssignExpr.Operator.ASSIGN) {
            Val old = eval(a.getTarget(), st);
            var op = a.getOperator().toBinaryOperator().orElse(BinaryExpr.Operator.PLUS);
            v = combine(op, old, v, st);
        }
        store(a.getTarget(), v, a, st);
        return v;
    }

    void store(Expression target, Val v, Node at, State st) {
        switch (target) {
            case NameExpr n -> {
                String name = n.getNameAsString();
                if (isLocal(name, st)) setLocal(name, v, at, st);
                else fields.writeName(name, v, at, st);
            }
            case FieldAccessExpr f -> fields.writeAccess(f, v, at, st);
            case ArrayAccessExpr a -> collections.arraySet(eval(a.getName(), st), eval(a.getIndex(), st), v, st);
            case EnclosedExpr p -> store(p.getInner(), v, at, st);
            default -> {
            }
        }
    }

    private Val binary(BinaryExpr b, State st) {
        var op = b.getOperator();
        if (op == BinaryExpr.Operator.PLUS && b.getLeft() instanceof BinaryExpr) return concatenation(b, st);
        Val l = eval(b.getLeft(), st);
        if (op == BinaryExpr.Operator.AND || op == BinaryExpr.Operator.OR) {
            Boolean lt = Folding.truth(l);
            if (lt != null && lt == (op == BinaryExpr.Operator.OR)) return Val.constant(lt, "boolean");
            State right = st.copy();
            if (lt == null) Guards.refine(this, b.getLeft(), right, op == BinaryExpr.Operator.AND);
            Val r = eval(b.getRight(), right);
            if (lt != null) {
                st.assign(right);
                return Val.constant(Folding.truth(r), "boolean").isConstant() ? r : Val.typed("boolean");
            }
            st.joinWith(right);
            Boolean rt = Folding.truth(r);
            if (rt != null && rt == (op == BinaryExpr.Operator.OR)) return Val.constant(rt, "boolean");
            return Val.typed("boolean");
        }
        Val r = eval(b.getRight(), st);
        return combine(op, l, r, st);
    }

    /** A chain {@code a + b + c + …} (left-deep, any length) evaluated left to right without recursion. */
    private Val concatenation(BinaryExpr b, State st) {
        var operands = new java.util.ArrayDeque<Expression>();
        Expression e = b;
        while (e instanceof BinaryExpr x && x.getOperator() == BinaryExpr.Operator.PLUS) {
            operands.push(x.getRight());
            e = x.getLeft();
        }
        Val acc = eval(e, st);
        for (Expression operand : operands) acc = combine(BinaryExpr.Operator.PLUS, acc, eval(operand, st), st);
        return acc;
    }

    Val combine(BinaryExpr.Operator op, Val l, Val r, State st) {
        Object folded = Folding.binary(op, l.constant, r.constant);
        if (folded != null) return Val.constant(folded, Folding.typeOf(folded));
        boolean text = op == BinaryExpr.Operator.PLUS && (Folding.isString(l) || Folding.isString(r));
        if (text) {
            Taints right = st.deep(r);
            if (l.constant instanceof String prefix && FIXED_HOST.matcher(prefix).find()) right = right.withMask(ctx.an.models.kindBit("ssrf"));
            return Val.tainted(st.deep(l).union(right), "String");
        }
        return switch (op) {
            case EQUALS, NOT_EQUALS, LESS, GREATER, LESS_EQUALS, GREATER_EQUALS, AND, OR -> Val.typed("boolean");
            default -> {
                Taints t = l.taints.union(r.taints).withMask(ctx.an.models.injectionMask());
                yield Val.tainted(t, Folding.numericType(l.type, r.type));
            }
        };
    }

    private Val unary(UnaryExpr u, State st) {
        Val v = eval(u.getExpression(), st);
        Object folded = Folding.unary(u.getOperator(), v.constant);
        Val out = folded != null ? Val.constant(folded, v.type == null ? Folding.typeOf(folded) : v.type)
                : u.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT ? Val.typed("boolean")
                : v.withTaints(v.taints.withMask(ctx.an.models.injectionMask()));
        switch (u.getOperator()) {
            case PREFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_INCREMENT, POSTFIX_DECREMENT -> {
                store(u.getExpression(), out, u, st);
                if (u.getOperator() == UnaryExpr.Operator.POSTFIX_INCREMENT || u.getOperator() == UnaryExpr.Operator.POSTFIX_DECREMENT) return v;
            }
            default -> {
            }
        }
        return out;
    }

    private Val conditional(ConditionalExpr c, State st) {
        Boolean t = Folding.truth(eval(c.getCondition(), st));
        if (t != null) return eval(t ? c.getThenExpr() : c.getElseExpr(), st);
        State other = st.copy();
        Guards.refine(this, c.getCondition(), st, true);
        Val a = eval(c.getThenExpr(), st);
        Guards.refine(this, c.getCondition(), other, false);
        Val b = eval(c.getElseExpr(), other);
        st.joinWith(other);
        return joinWithObjects(a, b, st);
    }

    /** Joins two values that may point to different heap objects: their contents become plain taint. */
    Val joinWithObjects(Val a, Val b, State st) {
        if (a.obj != b.obj && (a.obj >= 0 || b.obj >= 0)) {
            return new Val(st.deep(a).union(st.deep(b)), null, -1, a.type != null ? a.type : b.type);
        }
        return Val.join(a, b);
    }

    private Val cast(CastExpr c, State st) {
        Val v = eval(c.getExpression(), st);
        String t = ProjectIndex.typeName(c.getType());
        if (Folding.isNumeric(t)) {
            Object conv = Folding.convert(v.constant, t);
            if (conv != null) return Val.constant(conv, t);
            return v.withTaints(v.taints.withMask(ctx.an.models.injectionMask())).withType(t);
        }
        return v.type == null || "Object".equals(v.type) ? v.withType(t) : v;
    }

    private Val instanceOf(InstanceOfExpr i, State st) {
        Val v = eval(i.getExpression(), st);
        i.getPattern().ifPresent(p -> p.findAll(com.github.javaparser.ast.expr.TypePatternExpr.class).forEach(tp -> {
            ctx.declaredTypes.put(tp.getNameAsString(), ProjectIndex.typeName(tp.getType()));
            setLocal(tp.getNameAsString(), v, tp, st);
        }));
        return Val.typed("boolean");
    }

    private Val array(ArrayInitializerExpr a, State st) {
        var elems = new ArrayList<Val>();
        for (Expression e : a.getValues()) elems.add(eval(e, st));
        return collections.newArrayOf(st, a, elems);
    }

    /** A return statement: the value joins the summary's result; secret-named methods and Spring handlers are sinks. */
    void returned(ReturnStmt r, Val v, State st) {
        Taints deep = st.deep(v);
        if (ctx.lambdaDepth > 0) {
            ctx.lambdaResult = Val.join(ctx.lambdaResult, new Val(deep, null, -1, v.type));
            return;
        }
        ctx.summary.returns(new Val(deep, deep.isEmpty() ? v.constant : null, -1, v.type));
        calls.library.returnSinks(r, v, st);
    }

    void explicitConstructor(ExplicitConstructorInvocationStmt e, State st) {
        calls.explicitConstructor(e, st);
    }
}
