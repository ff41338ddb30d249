package dev.luna.workers.codeanalysis.security;

import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import java.util.regex.Pattern;

/**
 * Allow-list checks that make a variable safe on one side of a branch: {@code s.equals("x")} (s is the constant),
 * {@code ALLOWED.contains(s)} and {@code s.matches("[a-z0-9]+")} with a regex of word characters only (s is safe for
 * every injection sink). Negation, {@code &&} and {@code ||} are followed.
 */
final class Guards {
    /** A regex that admits word characters and hyphens only (classes, quantifiers and anchors allowed). */
    private static final Pattern SAFE_REGEX = Pattern.compile("\\^?(\\[(\\\\w|\\\\d|[A-Za-z0-9_-])+\\]|\\\\w|\\\\d|[A-Za-z0-9_])"
            + "([+*?]|\\{\\d+(,\\d*)?\\})?((\\[(\\\\w|\\\\d|[A-Za-z0-9_-])+\\]|\\\\w|\\\\d|[A-Za-z0-9_])([+*?]|\\{\\d+(,\\d*)?\\})?)*\\$?");

    private Guards() {
    }

    static void refine(Expressions ex, Expression cond, State st, boolean outcome) {
        if (cond == null || st.dead) return;
        switch (cond) {
            case EnclosedExpr e -> refine(ex, e.getInner(), st, outcome);
            case UnaryExpr u when u.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT -> refine(ex, u.getExpression(), st, !outcome);
            case BinaryExpr b when b.getOperator() == BinaryExpr.Operator.AND && outcome -> {
                refine(ex, b.getLeft(), st, true);
                refine(ex, b.getRight(), st, true);
            }
            case BinaryExpr b when b.getOperator() == BinaryExpr.Operator.OR && !outcome -> {
                refine(ex, b.getLeft(), st, false);
                refine(ex, b.getRight(), st, false);
            }
            case MethodCallExpr m when outcome -> call(ex, m, st);
            default -> {
            }
        }
    }

    private static void call(Expressions ex, MethodCallExpr m, State st) {
        String name = m.getNameAsString();
        if (m.getArguments().size() != 1 || m.getScope().isEmpty()) return;
        Expression scope = m.getScope().get();
        Expression arg = m.getArgument(0);
        switch (name) {
            case "equals", "equalsIgnoreCase" -> {
                if (scope instanceof NameExpr n && arg instanceof StringLiteralExpr s && name.equals("equals")) {
                    constant(ex, n, s.asString(), st);
                } else if (arg instanceof NameExpr n && scope instanceof StringLiteralExpr s && name.equals("equals")) {
                    constant(ex, n, s.asString(), st);
                }
            }
            case "contains", "containsKey" -> {
                if (arg instanceof NameExpr n && !(scope instanceof NameExpr sn && ex.isLocal(sn.getNameAsString(), st))) sanitize(ex, n, st);
            }
            case "matches" -> {
                if (scope instanceof NameExpr n && arg instanceof StringLiteralExpr s && SAFE_REGEX.matcher(s.asString()).matches()) {
                    sanitize(ex, n, st);
                }
            }
            default -> {
            }
        }
    }

    private static void constant(Expressions ex, NameExpr n, String value, State st) {
        String name = n.getNameAsString();
        if (ex.isLocal(name, st)) st.vars.put(name, Val.constant(value, "String"));
    }

    private static void sanitize(Expressions ex, NameExpr n, State st) {
        String name = n.getNameAsString();
        Val v = st.vars.get(name);
        if (v != null && !v.taints.isEmpty()) st.vars.put(name, v.withTaints(v.taints.withMask(ex.ctx.an.models.injectionMask())));
    }
}
