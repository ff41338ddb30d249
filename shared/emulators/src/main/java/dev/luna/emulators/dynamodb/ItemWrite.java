package dev.luna.emulators.dynamodb;

import java.util.List;
import java.util.Map;

/**
 * One prepared item write (put, update, delete) or condition check. {@link #evaluate} checks the
 * condition and computes the resulting item; {@link #commit} stores it. Both run under the table lock,
 * so a read-check-write is atomic; transactions evaluate all their writes before committing any.
 */
record ItemWrite(
    Kind kind,
    TableStore table,
    CompositeKey key,
    Map<String, AttrValue> keyAttributes,
    Map<String, AttrValue> item,
    UpdateExpression update,
    Condition condition,
    boolean returnItemOnConditionFailure) {

  enum Kind { PUT, UPDATE, DELETE, CHECK }

  /** The item before and after the write (null = absent). */
  record Outcome(Map<String, AttrValue> oldItem, Map<String, AttrValue> newItem) {}

  Outcome evaluate() {
    Map<String, AttrValue> old = table.get(key);
    if (condition != null && !ConditionEvaluator.matches(condition, old == null ? Map.of() : old)) {
      throw DynamoDbError.conditionalCheckFailed(returnItemOnConditionFailure ? old : null);
    }
    Map<String, AttrValue> updated = switch (kind) {
      case PUT -> item;
      case DELETE -> null;
      case CHECK -> old;
      case UPDATE -> {
        TableDefinition definition = table.definition();
        Map<String, AttrValue> result =
            UpdateApplier.apply(update, old == null ? keyAttributes : old, definition.keySchema());
        ItemKeys.validateItem(definition, result);
        yield result;
      }
    };
    return new Outcome(old, updated);
  }

  void commit(Outcome outcome) {
    if (kind != Kind.CHECK) {
      table.write(key, outcome.newItem());
    }
  }

  /** Evaluates and commits this write alone, under its table's lock. */
  Outcome execute() {
    return TableLocks.withLocks(List.of(table), () -> {
      Outcome outcome = evaluate();
      commit(outcome);
      return outcome;
    });
  }
}
