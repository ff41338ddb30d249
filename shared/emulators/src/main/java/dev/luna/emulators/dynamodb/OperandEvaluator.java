package dev.luna.emulators.dynamodb;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Computes the value of an {@link Operand} against an item; null means "does not exist". */
final class OperandEvaluator {
  private OperandEvaluator() {}

  static AttrValue evaluate(Operand operand, Map<String, AttrValue> item) {
    return switch (operand) {
      case Operand.Path p -> p.path().resolve(item);
      case Operand.Literal l -> l.value();
      case Operand.Size s -> size(s.path().resolve(item));
      case Operand.Arithmetic a -> arithmetic(a, item);
      case Operand.IfNotExists i -> {
        AttrValue existing = i.path().resolve(item);
        yield existing != null ? existing : evaluate(i.fallback(), item);
      }
      case Operand.ListAppend la -> listAppend(la, item);
    };
  }

  private static AttrValue size(AttrValue value) {
    Integer size = switch (value) {
      case null -> null;
      case AttrValue.S s -> s.value().length();
      case AttrValue.B b -> b.value().length();
      case AttrValue.M m -> m.value().size();
      case AttrValue.L l -> l.value().size();
      case AttrValue.SS ss -> ss.value().size();
      case AttrValue.NS ns -> ns.value().size();
      case AttrValue.BS bs -> bs.value().size();
      default -> null;
    };
    return size == null ? null : new AttrValue.N(BigDecimal.valueOf(size));
  }

  private static AttrValue arithmetic(Operand.Arithmetic a, Map<String, AttrValue> item) {
    AttrValue left = required(a.left(), item);
    AttrValue right = required(a.right(), item);
    if (left instanceof AttrValue.N(BigDecimal x) && right instanceof AttrValue.N(BigDecimal y)) {
      return new AttrValue.N(a.plus() ? x.add(y) : x.subtract(y));
    }
    throw incorrectType(a.plus() ? "+" : "-", left instanceof AttrValue.N ? right : left);
  }

  private static AttrValue listAppend(Operand.ListAppend la, Map<String, AttrValue> item) {
    AttrValue first = required(la.first(), item);
    AttrValue second = required(la.second(), item);
    if (first instanceof AttrValue.L(List<AttrValue> x) && second instanceof AttrValue.L(List<AttrValue> y)) {
      List<AttrValue> joined = new ArrayList<>(x);
      joined.addAll(y);
      return new AttrValue.L(Collections.unmodifiableList(joined));
    }
    throw incorrectType("list_append", first instanceof AttrValue.L ? second : first);
  }

  private static AttrValue required(Operand operand, Map<String, AttrValue> item) {
    AttrValue value = evaluate(operand, item);
    if (value == null) {
      throw DynamoDbError.validation(
          "The provided expression refers to an attribute that does not exist in the item");
    }
    return value;
  }

  static DynamoDbError incorrectType(String operator, AttrValue operand) {
    return DynamoDbError.validation("An operand in the update expression has an incorrect data type; "
        + "operator or function: " + operator + ", operand type: " + operand.type());
  }
}
