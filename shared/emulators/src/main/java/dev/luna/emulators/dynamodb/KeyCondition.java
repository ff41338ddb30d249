package dev.luna.emulators.dynamodb;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;

/**
 * A validated KeyConditionExpression: equality on the hash key and an optional condition on the range
 * key. It selects a contiguous slice of a table or index map (keys are hash, range, ...).
 */
record KeyCondition(AttrValue hash, String rangeOperator, AttrValue first, AttrValue second) {
  private static final String LABEL = "Invalid KeyConditionExpression: ";
  static final String BEGINS_WITH = "begins_with";
  static final String BETWEEN = "BETWEEN";

  static KeyCondition from(Condition condition, KeySchema key) {
    List<Condition> parts = new ArrayList<>();
    flatten(condition, parts);
    if (parts.size() > 2) {
      throw DynamoDbError.validation(LABEL + "The expression contains too many conditions; "
          + "a key condition allows one condition per key attribute");
    }
    AttrValue hash = null;
    KeyCondition range = null;
    for (Condition part : parts) {
      KeyCondition single = single(part, key);
      boolean isHash = single.rangeOperator().startsWith("#");
      if ((isHash && hash != null) || (!isHash && range != null)) {
        throw DynamoDbError.validation("KeyConditionExpressions must only contain one condition per key");
      }
      if (isHash) {
        hash = single.first();
      } else {
        range = single;
      }
    }
    if (hash == null) {
      throw DynamoDbError.validation("Query condition missed key schema element: " + key.hashName());
    }
    if (range == null) {
      return new KeyCondition(hash, null, null, null);
    }
    if (range.rangeOperator().equals(BETWEEN) && AttrValues.compare(range.first(), range.second()) > 0) {
      throw DynamoDbError.validation(LABEL + "The BETWEEN operator requires upper bound to be greater "
          + "than or equal to lower bound; lower bound operand: " + AttrValueJson.describe(range.first())
          + ", upper bound operand: " + AttrValueJson.describe(range.second()));
    }
    return new KeyCondition(hash, range.rangeOperator(), range.first(), range.second());
  }

  private static void flatten(Condition condition, List<Condition> parts) {
    switch (condition) {
      case Condition.And and -> {
        flatten(and.left(), parts);
        flatten(and.right(), parts);
      }
      case Condition.Or ignored -> throw DynamoDbError.validation(LABEL + "Invalid operator used in "
          + "KeyConditionExpression: OR");
      case Condition.Not ignored -> throw DynamoDbError.validation(LABEL + "Invalid operator used in "
          + "KeyConditionExpression: NOT");
      default -> parts.add(condition);
    }
  }

  /** One key condition; for the hash key the operator is returned as "#=". */
  private static KeyCondition single(Condition condition, KeySchema key) {
    return switch (condition) {
      case Condition.Comparison(String op, Operand.Path p, Operand.Literal v) -> keyPart(key, p, op, v.value(), null);
      case Condition.Comparison(String op, Operand.Literal v, Operand.Path p) -> keyPart(key, p, flip(op), v.value(), null);
      case Condition.Between(Operand.Path p, Operand.Literal low, Operand.Literal high) ->
          keyPart(key, p, BETWEEN, low.value(), high.value());
      case Condition.Function(String name, List<Operand> args)
          when name.equals(BEGINS_WITH) && args.get(1) instanceof Operand.Literal v ->
          keyPart(key, (Operand.Path) args.get(0), BEGINS_WITH, v.value(), null);
      default -> throw DynamoDbError.validation(LABEL + "Invalid operator used in KeyConditionExpression; "
          + "only =, <, <=, >, >=, BETWEEN and begins_with comparing a key attribute with a value are allowed");
    };
  }

  private static String flip(String op) {
    return switch (op) {
      case "<" -> ">";
      case "<=" -> ">=";
      case ">" -> "<";
      case ">=" -> "<=";
      default -> op;
    };
  }

  private static KeyCondition keyPart(KeySchema key, Operand.Path path, String op, AttrValue first, AttrValue second) {
    if (path.path().elements().size() != 1) {
      throw DynamoDbError.validation(LABEL + "Nested attributes are not supported in a key condition: " + path.path());
    }
    String name = path.path().topName();
    if (op.equals("<>")) {
      throw DynamoDbError.validation(LABEL + "Unsupported operator on KeyConditionExpression: operator: <>");
    }
    String type = key.typeOf(name);
    if (type == null || (name.equals(key.hashName()) && !op.equals("="))) {
      throw DynamoDbError.validation("Query key condition not supported");
    }
    if (!first.type().equals(type) || (second != null && !second.type().equals(type))) {
      throw DynamoDbError.validation("One or more parameter values were invalid: Condition parameter type "
          + "does not match schema type");
    }
    if (op.equals(BEGINS_WITH) && type.equals("N")) {
      throw DynamoDbError.validation(LABEL + "Incorrect operand type for operator or function; operator or "
          + "function: begins_with, operand type: N");
    }
    return new KeyCondition(null, name.equals(key.hashName()) ? "#=" : op, first, second);
  }

  /** The slice of {@code map} whose keys satisfy the hash condition and the range bounds. */
  <V> NavigableMap<CompositeKey, V> slice(NavigableMap<CompositeKey, V> map) {
    CompositeKey low = CompositeKey.lowerBound(hash);
    CompositeKey high = CompositeKey.upperBound(hash);
    if (rangeOperator != null) {
      switch (rangeOperator) {
        case "=" -> {
          low = CompositeKey.lowerBound(hash, first);
          high = CompositeKey.upperBound(hash, first);
        }
        case "<" -> high = CompositeKey.lowerBound(hash, first);
        case "<=" -> high = CompositeKey.upperBound(hash, first);
        case ">" -> low = CompositeKey.upperBound(hash, first);
        case ">=", BEGINS_WITH -> low = CompositeKey.lowerBound(hash, first);
        case BETWEEN -> {
          low = CompositeKey.lowerBound(hash, first);
          high = CompositeKey.upperBound(hash, second);
        }
        default -> throw new IllegalStateException(rangeOperator);
      }
    }
    return map.subMap(low, true, high, true);
  }

  /** Whether a key inside {@link #slice} also satisfies begins_with (always true otherwise). */
  boolean accepts(CompositeKey key) {
    return !BEGINS_WITH.equals(rangeOperator) || ConditionEvaluator.beginsWith(key.part(1), first);
  }
}
