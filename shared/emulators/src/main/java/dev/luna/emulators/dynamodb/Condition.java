package dev.luna.emulators.dynamodb;

import java.util.List;

/** A parsed condition, filter or key condition expression. */
sealed interface Condition {

  /** {@code =, <>, <, <=, >, >=}. */
  record Comparison(String operator, Operand left, Operand right) implements Condition {}

  record Between(Operand value, Operand low, Operand high) implements Condition {}

  record In(Operand value, List<Operand> candidates) implements Condition {}

  record And(Condition left, Condition right) implements Condition {}

  record Or(Condition left, Condition right) implements Condition {}

  record Not(Condition inner) implements Condition {}

  /** attribute_exists, attribute_not_exists, attribute_type, begins_with or contains (lower case). */
  record Function(String name, List<Operand> arguments) implements Condition {}
}
