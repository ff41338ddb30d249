package dev.luna.emulators.dynamodb;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Applies an update expression to an item. Every operand is evaluated against the item as it was
 * before the update (as DynamoDB does); the result is a new item, the input is never modified.
 */
final class UpdateApplier {
  private UpdateApplier() {}

  private record Assignment(DocumentPath path, AttrValue value) {}

  static Map<String, AttrValue> apply(UpdateExpression update, Map<String, AttrValue> item, KeySchema key) {
    for (DocumentPath target : update.targets()) {
      if (key.isKeyAttribute(target.topName())) {
        throw DynamoDbError.validation("One or more parameter values were invalid: Cannot update attribute "
            + target.topName() + ". This attribute is part of the key");
      }
    }
    List<Assignment> assignments = new ArrayList<>();
    for (UpdateExpression.SetAction set : update.sets()) {
      AttrValue value = OperandEvaluator.evaluate(set.value(), item);
      if (value == null) {
        throw DynamoDbError.validation(
            "The provided expression refers to an attribute that does not exist in the item");
      }
      assignments.add(new Assignment(set.path(), value));
    }
    for (UpdateExpression.SetChange add : update.adds()) {
      assignments.add(new Assignment(add.path(), add(add.path().resolve(item), add.value())));
    }
    for (UpdateExpression.SetChange delete : update.deletes()) {
      AttrValue current = delete.path().resolve(item);
      if (current != null) {
        assignments.add(new Assignment(delete.path(), delete(current, delete.value())));
      }
    }
    update.removes().forEach(path -> assignments.add(new Assignment(path, null)));
    // removals of list elements go last-index-first so earlier indexes keep meaning the original element
    assignments.sort(Comparator.comparing((Assignment a) -> a.value() == null)
        .thenComparing(a -> a.value() == null ? -lastIndex(a.path()) : 0));
    AttrValue root = new AttrValue.M(item);
    for (Assignment assignment : assignments) {
      root = rewrite(root, assignment.path().elements(), 0, assignment.value());
    }
    return ((AttrValue.M) root).value();
  }

  private static int lastIndex(DocumentPath path) {
    DocumentPath.Element last = path.elements().getLast();
    return last.isIndex() ? last.index() : -1;
  }

  private static AttrValue add(AttrValue current, AttrValue operand) {
    if (!(operand instanceof AttrValue.N || isSet(operand))) {
      throw DynamoDbError.validation("Invalid UpdateExpression: Incorrect operand type for operator or "
          + "function; operator: ADD, operand type: " + operand.type());
    }
    if (current == null) {
      return operand;
    }
    if (current instanceof AttrValue.N(BigDecimal x) && operand instanceof AttrValue.N(BigDecimal y)) {
      return new AttrValue.N(x.add(y));
    }
    if (isSet(current) && current.type().equals(operand.type())) {
      return combine(current, operand, true);
    }
    throw OperandEvaluator.incorrectType("ADD", current.type().equals(operand.type()) ? operand : current);
  }

  private static AttrValue delete(AttrValue current, AttrValue operand) {
    if (!isSet(operand)) {
      throw DynamoDbError.validation("Invalid UpdateExpression: Incorrect operand type for operator or "
          + "function; operator: DELETE, operand type: " + operand.type());
    }
    if (!current.type().equals(operand.type())) {
      throw OperandEvaluator.incorrectType("DELETE", current);
    }
    return combine(current, operand, false);
  }

  private static boolean isSet(AttrValue v) {
    return v instanceof AttrValue.SS || v instanceof AttrValue.NS || v instanceof AttrValue.BS;
  }

  /** Union (or difference) of two sets of the same type; null when the result is empty. */
  private static AttrValue combine(AttrValue current, AttrValue operand, boolean union) {
    return switch (current) {
      case AttrValue.SS(var x) -> wrap(merge(x, ((AttrValue.SS) operand).value(), union), AttrValue.SS::new);
      case AttrValue.NS(var x) -> wrap(merge(x, ((AttrValue.NS) operand).value(), union), AttrValue.NS::new);
      case AttrValue.BS(var x) -> wrap(merge(x, ((AttrValue.BS) operand).value(), union), AttrValue.BS::new);
      default -> throw new IllegalStateException("not a set: " + current.type());
    };
  }

  private static <T> Set<T> merge(Set<T> a, Set<T> b, boolean union) {
    Set<T> result = new LinkedHashSet<>(a);
    if (union) {
      result.addAll(b);
    } else {
      result.removeAll(b);
    }
    return Collections.unmodifiableSet(result);
  }

  private static <T> AttrValue wrap(Set<T> set, Function<Set<T>, AttrValue> factory) {
    return set.isEmpty() ? null : factory.apply(set);
  }

  /** Returns a copy of {@code container} with the element at path[i..] replaced (value null = removed). */
  private static AttrValue rewrite(AttrValue container, List<DocumentPath.Element> path, int i, AttrValue value) {
    DocumentPath.Element element = path.get(i);
    boolean last = i == path.size() - 1;
    if (!element.isIndex() && container instanceof AttrValue.M(Map<String, AttrValue> map)) {
      Map<String, AttrValue> copy = new LinkedHashMap<>(map);
      if (last) {
        if (value == null) {
          copy.remove(element.name());
        } else {
          copy.put(element.name(), value);
        }
      } else {
        AttrValue child = copy.get(element.name());
        if (child == null) {
          return requireRemoval(container, value);
        }
        copy.put(element.name(), rewrite(child, path, i + 1, value));
      }
      return new AttrValue.M(Collections.unmodifiableMap(copy));
    }
    if (element.isIndex() && container instanceof AttrValue.L(List<AttrValue> list)) {
      List<AttrValue> copy = new ArrayList<>(list);
      int index = element.index();
      if (index >= copy.size()) {
        if (!last) {
          return requireRemoval(container, value);
        }
        if (value != null) {
          copy.add(value);
        }
      } else if (last) {
        if (value == null) {
          copy.remove(index);
        } else {
          copy.set(index, value);
        }
      } else {
        copy.set(index, rewrite(copy.get(index), path, i + 1, value));
      }
      return new AttrValue.L(Collections.unmodifiableList(copy));
    }
    throw invalidPath();
  }

  /** Removing below a missing element changes nothing; setting below one is an error. */
  private static AttrValue requireRemoval(AttrValue container, AttrValue value) {
    if (value != null) {
      throw invalidPath();
    }
    return container;
  }

  private static DynamoDbError invalidPath() {
    return DynamoDbError.validation("The document path provided in the update expression is invalid for update");
  }
}
