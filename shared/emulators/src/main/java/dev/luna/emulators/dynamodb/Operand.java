package dev.luna.emulators.dynamodb;

/** A value-producing term of a condition or update expression. */
sealed interface Operand {

  record Path(DocumentPath path) implements Operand {}

  record Literal(AttrValue value) implements Operand {}

  /** {@code size(path)}. */
  record Size(DocumentPath path) implements Operand {}

  /** {@code a + b} or {@code a - b} in a SET action. */
  record Arithmetic(boolean plus, Operand left, Operand right) implements Operand {}

  /** {@code if_not_exists(path, fallback)} in a SET action. */
  record IfNotExists(DocumentPath path, Operand fallback) implements Operand {}

  /** {@code list_append(first, second)} in a SET action. */
  record ListAppend(Operand first, Operand second) implements Operand {}
}
