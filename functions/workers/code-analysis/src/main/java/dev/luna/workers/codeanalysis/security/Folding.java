package dev.luna.workers.codeanalysis.security;

import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Constant folding of local primitives and strings, as Java evaluates them: arithmetic with int/long/double
 * promotion, comparisons, boolean logic, string concatenation, char arithmetic, and a few String methods on
 * constants ({@code "ABC".charAt(1)}, {@code substring}, {@code toUpperCase}…). Unknown is null.
 */
final class Folding {
    private static final Set<String> NUMERIC = Set.of("int", "long", "short", "byte", "double", "float", "boolean",
            "Integer", "Long", "Short", "Byte", "Double", "Float", "Boolean", "BigInteger", "BigDecimal", "AtomicInteger",
            "AtomicLong", "UUID", "Date", "LocalDate", "LocalDateTime", "Instant");

    private Folding() {
    }

    static boolean isNumeric(String type) {
        return type != null && NUMERIC.contains(type);
    }

    static boolean isString(Val v) {
        return "String".equals(v.type) || v.constant instanceof String;
    }

    static String numericType(String a, String b) {
        if ("double".equals(a) || "double".equals(b)) return "double";
        if ("long".equals(a) || "long".equals(b)) return "long";
        return "int";
    }

    static String typeOf(Object c) {
        return switch (c) {
            case String s -> "String";
            case Integer i -> "int";
            case Long l -> "long";
            case Double d -> "double";
            case Boolean b -> "boolean";
            case Character ch -> "char";
            default -> null;
        };
    }

    static Boolean truth(Val v) {
        return v.constant instanceof Boolean b ? b : null;
    }

    static boolean equal(Object a, Object b) {
        if (a instanceof Character c && b instanceof Integer i) return c == i.intValue();
        if (a instanceof Integer i && b instanceof Character c) return c == i.intValue();
        return Objects.equals(a, b);
    }

    static Object convert(Object c, String type) {
        Number n = c instanceof Character ch ? Integer.valueOf(ch) : c instanceof Number x ? x : null;
        if (n == null) return null;
        return switch (type) {
            case "int", "Integer" -> n.intValue();
            case "long", "Long" -> n.longValue();
            case "double", "Double", "float", "Float" -> n.doubleValue();
            case "char" -> (char) n.intValue();
            default -> null;
        };
    }

    static Object unary(UnaryExpr.Operator op, Object c) {
        if (c == null) return null;
        return switch (op) {
            case LOGICAL_COMPLEMENT -> c instanceof Boolean b ? !b : null;
            case MINUS -> c instanceof Integer i ? (Object) (-i) : c instanceof Long l ? (Object) (-l) : c instanceof Double d ? (Object) (-d) : null;
            case PLUS -> c instanceof Number ? c : null;
            case BITWISE_COMPLEMENT -> c instanceof Integer i ? (Object) (~i) : c instanceof Long l ? (Object) (~l) : null;
            case PREFIX_INCREMENT, POSTFIX_INCREMENT -> add(c, 1);
            case PREFIX_DECREMENT, POSTFIX_DECREMENT -> add(c, -1);
        };
    }

    private static Object add(Object c, int d) {
        return c instanceof Integer i ? (Object) (i + d) : c instanceof Long l ? (Object) (l + d) : c instanceof Character ch ? (Object) (char) (ch + d) : null;
    }

    static Object binary(BinaryExpr.Operator op, Object a, Object b) {
        if (a == null || b == null) return null;
        if (op == BinaryExpr.Operator.PLUS && (a instanceof String || b instanceof String)) {
            if (a == Val.NULL || b == Val.NULL) return null;
            String r = str(a) + str(b);
            return r.length() > 10_000 ? null : r;
        }
        if (op == BinaryExpr.Operator.EQUALS) return refEquals(a, b);
        if (op == BinaryExpr.Operator.NOT_EQUALS) {
            Boolean e = refEquals(a, b);
            return e == null ? null : !e;
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return switch (op) {
                case AND, BINARY_AND -> x && y;
                case OR, BINARY_OR -> x || y;
                case XOR -> x ^ y;
                default -> null;
            };
        }
        Number x = num(a);
        Number y = num(b);
        if (x == null || y == null) return null;
        boolean dbl = x instanceof Double || y instanceof Double;
        boolean lng = x instanceof Long || y instanceof Long;
        try {
            return switch (op) {
                case PLUS -> dbl ? (Object) (x.doubleValue() + y.doubleValue()) : lng ? (Object) (x.longValue() + y.longValue()) : (Object) (x.intValue() + y.intValue());
                case MINUS -> dbl ? (Object) (x.doubleValue() - y.doubleValue()) : lng ? (Object) (x.longValue() - y.longValue()) : (Object) (x.intValue() - y.intValue());
                case MULTIPLY -> dbl ? (Object) (x.doubleValue() * y.doubleValue()) : lng ? (Object) (x.longValue() * y.longValue()) : (Object) (x.intValue() * y.intValue());
                case DIVIDE -> dbl ? (Object) (x.doubleValue() / y.doubleValue()) : lng ? (Object) (x.longValue() / y.longValue()) : (Object) (x.intValue() / y.intValue());
                case REMAINDER -> dbl ? (Object) (x.doubleValue() % y.doubleValue()) : lng ? (Object) (x.longValue() % y.longValue()) : (Object) (x.intValue() % y.intValue());
                case LESS -> x.doubleValue() < y.doubleValue();
                case GREATER -> x.doubleValue() > y.doubleValue();
                case LESS_EQUALS -> x.doubleValue() <= y.doubleValue();
                case GREATER_EQUALS -> x.doubleValue() >= y.doubleValue();
                case BINARY_AND -> dbl ? null : lng ? (Object) (x.longValue() & y.longValue()) : (Object) (x.intValue() & y.intValue());
                case BINARY_OR -> dbl ? null : lng ? (Object) (x.longValue() | y.longValue()) : (Object) (x.intValue() | y.intValue());
                case XOR -> dbl ? null : lng ? (Object) (x.longValue() ^ y.longValue()) : (Object) (x.intValue() ^ y.intValue());
                case LEFT_SHIFT -> dbl ? null : lng ? (Object) (x.longValue() << y.intValue()) : (Object) (x.intValue() << y.intValue());
                case SIGNED_RIGHT_SHIFT -> dbl ? null : lng ? (Object) (x.longValue() >> y.intValue()) : (Object) (x.intValue() >> y.intValue());
                case UNSIGNED_RIGHT_SHIFT -> dbl ? null : lng ? (Object) (x.longValue() >>> y.intValue()) : (Object) (x.intValue() >>> y.intValue());
                default -> null;
            };
        } catch (ArithmeticException e) {
            return null;
        }
    }

    private static Boolean refEquals(Object a, Object b) {
        if (a == Val.NULL || b == Val.NULL) return a == b;
        if (a instanceof String || b instanceof String) return null; // reference comparison of strings: unknown
        Number x = num(a);
        Number y = num(b);
        if (x != null && y != null) return x.doubleValue() == y.doubleValue();
        return a instanceof Boolean && b instanceof Boolean ? a.equals(b) : null;
    }

    private static Number num(Object o) {
        return o instanceof Character c ? Integer.valueOf(c) : o instanceof Number n ? n : null;
    }

    private static String str(Object o) {
        return o instanceof Character c ? String.valueOf(c) : String.valueOf(o);
    }

    /** A String method on a constant receiver with constant arguments, or null. */
    static Object stringCall(String name, Object recv, List<Val> args) {
        if (!(recv instanceof String s)) return null;
        for (Val a : args) if (a.constant == null || a.constant == Val.NULL) return null;
        Object a0 = args.isEmpty() ? null : args.get(0).constant;
        Object a1 = args.size() > 1 ? args.get(1).constant : null;
        try {
            return switch (name) {
                case "charAt" -> a0 instanceof Integer i ? (Object) s.charAt(i) : null;
                case "length" -> args.isEmpty() ? (Object) s.length() : null;
                case "isEmpty" -> args.isEmpty() ? (Object) s.isEmpty() : null;
                case "toUpperCase" -> s.toUpperCase(Locale.ROOT);
                case "toLowerCase" -> s.toLowerCase(Locale.ROOT);
                case "trim", "strip" -> s.strip();
                case "intern", "toString" -> s;
                case "substring" -> a0 instanceof Integer i ? (a1 instanceof Integer j ? s.substring(i, j) : a1 == null ? s.substring(i) : null) : null;
                case "equals" -> a0 != null ? (Object) s.equals(a0) : null;
                case "equalsIgnoreCase" -> a0 instanceof String o ? (Object) s.equalsIgnoreCase(o) : null;
                case "contains" -> a0 instanceof String o ? (Object) s.contains(o) : null;
                case "startsWith" -> a0 instanceof String o ? (Object) s.startsWith(o) : null;
                case "endsWith" -> a0 instanceof String o ? (Object) s.endsWith(o) : null;
                case "indexOf" -> a0 instanceof String o ? (Object) s.indexOf(o) : a0 instanceof Character c ? (Object) s.indexOf(c) : null;
                case "concat" -> a0 instanceof String o ? s + o : null;
                case "replace" -> a0 instanceof String o && a1 instanceof String n ? s.replace(o, n)
                        : a0 instanceof Character o && a1 instanceof Character n ? s.replace(o, n) : null;
                case "getBytes", "toCharArray" -> s;
                case "hashCode" -> s.hashCode();
                default -> null;
            };
        } catch (RuntimeException e) {
            return null;
        }
    }
}
