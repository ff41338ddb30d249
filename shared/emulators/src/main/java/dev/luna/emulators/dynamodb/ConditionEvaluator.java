package dev.luna.emulators.dynamodb;

import java.util.Map;

/** Evaluates condition and filter expressions against an item (an empty map when there is none). */
final class ConditionEvaluator {
  private ConditionEvaluator() {}

  static boolean matches(Condition condition, Map<String, AttrValue> item) {
    return switch (condition) {
      case Condition.And and -> matches(and.left(), item) && matches(and.right(), item);
      case Condition.Or or -> matches(or.left(), item) || matches(or.right(), item);
      case Condition.Not not -> !matches(not.inner(), item);
      case Condition.Comparison c -> compare(c.operator(), value(c.left(), item), value(c.right(), item));
      case Condition.Between b -> between(value(b.value(), item), value(b.low(), item), value(b.high(), item));
      case Condition.In in -> {
        AttrValue v = value(in.value(), item);
        yield v != null && in.candidates().stream().anyMatch(c -> v.equals(value(c, item)));
      }
      case Condition.Function f -> function(f, item);
    };
  }

  private static AttrValue value(Operand operand, Map<String, AttrValue> item) {
    return OperandEvaluator.evaluate(operand, item);
  }

  private static boolean compare(String operator, AttrValue left, AttrValue right) {
    if (operator.equals("=")) {
      return left != null && left.equals(right);
    }
    if (operator.equals("<>")) {
      return left == null || !left.equals(right);
    }
    if (!AttrValues.comparable(left, right)) {
      return false;
    }
    int c = AttrValues.compare(left, right);
    return switch (operator) {
      case "<" -> c < 0;
      case "<=" -> c <= 0;
      case ">" -> c > 0;
      case ">=" -> c >= 0;
      default -> throw new IllegalStateException("unknown comparator " + operator);
    };
  }

  private static boolean between(AttrValue value, AttrValue low, AttrValue high) {
    return AttrValues.comparable(value, low) && AttrValues.comparable(value, high)
        && AttrValues.compare(low, value) <= 0 && AttrValues.compare(value, high) <= 0;
  }

  private static boolean function(Condition.Function f, Map<String, AttrValue> item) {
    AttrValue subject = value(f.arguments().get(0), item);
    return switch (f.name()) {
      case "attribute_exists" -> subject != null;
      case "attribute_not_exists" -> subject == null;
      case "attribute_type" -> subject != null
          && value(f.arguments().get(1), item) instanceof AttrValue.S(String type)
          && subject.type().equals(type);
      case "begins_with" -> beginsWith(subject, value(f.arguments().get(1), item));
      case "contains" -> contains(subject, value(f.arguments().get(1), item));
      default -> throw new IllegalStateException("unknown function " + f.name());
    };
  }

  static boolean beginsWith(AttrValue subject, AttrValue prefix) {
    if (subject instanceof AttrValue.S(String s) && prefix instanceof AttrValue.S(String p)) {
      return s.startsWith(p);
    }
    if (subject instanceof AttrValue.B(var b) && prefix instanceof AttrValue.B(var p)) {
      return b.startsWith(p);
    }
    return false;
  }

  private static boolean contains(AttrValue subject, AttrValue operand) {
    if (subject == null || operand == null) {
      return false;
    }
    return switch (subject) {
      case AttrValue.S(String s) -> operand instanceof AttrValue.S(String o) && s.contains(o);
      case AttrValue.SS(var set) -> operand instanceof AttrValue.S(String o) && set.contains(o);
      case AttrValue.NS(var set) -> operand instanceof AttrValue.N(var o) && set.contains(o);
      case AttrValue.BS(var set) -> operand instanceof AttrValue.B(var o) && set.contains(o);
      case AttrValue.L(var list) -> list.contains(operand);
      default -> false;
    };
  }
}
