package dev.luna.workers.codeanalysis.security;

import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Values of final fields with constant initializers ({@code static final String SQL = "SELECT " + COLS;}), across
 * classes of the project, computed once each (cycles are unknown), plus the few library constants the pattern
 * checks need ({@code XMLConstants.FEATURE_SECURE_PROCESSING}).
 */
final class Constants {
    private static final Object UNKNOWN = new Object();
    private static final Map<String, String> LIBRARY = Map.ofEntries(
            Map.entry("XMLConstants.FEATURE_SECURE_PROCESSING", "http://javax.xml.XMLConstants/feature/secure-processing"),
            Map.entry("XMLConstants.ACCESS_EXTERNAL_DTD", "http://javax.xml.XMLConstants/property/accessExternalDTD"),
            Map.entry("XMLConstants.ACCESS_EXTERNAL_SCHEMA", "http://javax.xml.XMLConstants/property/accessExternalSchema"),
            Map.entry("XMLConstants.ACCESS_EXTERNAL_STYLESHEET", "http://javax.xml.XMLConstants/property/accessExternalStylesheet"),
            Map.entry("XMLInputFactory.SUPPORT_DTD", "javax.xml.stream.supportDTD"),
            Map.entry("XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES", "javax.xml.stream.isSupportingExternalEntities"),
            Map.entry("StandardCharsets.UTF_8", "UTF-8"));

    private final ProjectIndex index;
    private final Map<ClassInfo.FieldInfo, Object> values = new IdentityHashMap<>();
    private final Set<ClassInfo.FieldInfo> inProgress = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

    Constants(ProjectIndex index) {
        this.index = index;
    }

    static String library(String type, String name) {
        return LIBRARY.get(type + "." + name);
    }

    /** The constant value of a final field with a constant initializer, else null. */
    Object valueOf(ClassInfo.FieldInfo f) {
        if (!f.isFinal() || f.initializer() == null) return null;
        Object v = values.get(f);
        if (v == null) {
            if (!inProgress.add(f)) return null;
            try {
                Object c = eval(f.initializer(), f.owner(), 0);
                v = c == null ? UNKNOWN : c;
                values.put(f, v);
            } finally {
                inProgress.remove(f);
            }
        }
        return v == UNKNOWN ? null : v;
    }

    private Object eval(Expression e, ClassInfo cls, int depth) {
        if (depth > 40) return null;
        return switch (e) {
            case StringLiteralExpr s -> s.asString();
            case TextBlockLiteralExpr s -> s.asString();
            case CharLiteralExpr c -> c.asChar();
            case IntegerLiteralExpr i -> i.asNumber() instanceof Integer n ? n : null;
            case LongLiteralExpr l -> l.asNumber() instanceof Long n ? n : null;
            case DoubleLiteralExpr d -> d.asDouble();
            case BooleanLiteralExpr b -> b.getValue();
            case EnclosedExpr p -> eval(p.getInner(), cls, depth + 1);
            case CastExpr c -> {
                Object v = eval(c.getExpression(), cls, depth + 1);
                String t = ProjectIndex.typeName(c.getType());
                yield Folding.isNumeric(t) || "char".equals(t) ? Folding.convert(v, t) : v;
            }
            case BinaryExpr b -> Folding.binary(b.getOperator(), eval(b.getLeft(), cls, depth + 1), eval(b.getRight(), cls, depth + 1));
            case UnaryExpr u -> Folding.unary(u.getOperator(), eval(u.getExpression(), cls, depth + 1));
            case ConditionalExpr c -> {
                Object cond = eval(c.getCondition(), cls, depth + 1);
                yield cond instanceof Boolean b ? eval(b ? c.getThenExpr() : c.getElseExpr(), cls, depth + 1) : null;
            }
            case NameExpr n -> field(cls, n.getNameAsString());
            case FieldAccessExpr fa -> {
                String scope = fa.getScope().toString();
                ClassInfo c = index.lookup(scope, cls.file, cls);
                if (c == null) yield library(CallPattern.simple(scope), fa.getNameAsString());
                var f = c.fields.get(fa.getNameAsString());
                yield f == null ? null : valueOf(f);
            }
            case MethodCallExpr m when m.getScope().isPresent() -> {
                Object recv = eval(m.getScope().get(), cls, depth + 1);
                var args = new ArrayList<Val>();
                for (Expression a : m.getArguments()) {
                    Object v = eval(a, cls, depth + 1);
                    if (v == null) yield null;
                    args.add(Val.constant(v, Folding.typeOf(v)));
                }
                yield Folding.stringCall(m.getNameAsString(), recv, args);
            }
            default -> null;
        };
    }

    private Object field(ClassInfo cls, String name) {
        for (ClassInfo c = cls; c != null; c = c.outer) {
            var f = c.fields.get(name);
            if (f != null) return valueOf(f);
        }
        return null;
    }
}
