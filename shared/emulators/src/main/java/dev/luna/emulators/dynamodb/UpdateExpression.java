package dev.luna.emulators.dynamodb;

import java.util.ArrayList;
import java.util.List;

/** A parsed update expression: its SET, REMOVE, ADD and DELETE actions. */
record UpdateExpression(
    List<SetAction> sets, List<DocumentPath> removes, List<SetChange> adds, List<SetChange> deletes) {

  static final UpdateExpression EMPTY = new UpdateExpression(List.of(), List.of(), List.of(), List.of());

  /** {@code SET path = value}. */
  record SetAction(DocumentPath path, Operand value) {}

  /** {@code ADD path :v} or {@code DELETE path :v}. */
  record SetChange(DocumentPath path, AttrValue value) {}

  /** Every path the expression writes, in expression order by clause. */
  List<DocumentPath> targets() {
    List<DocumentPath> targets = new ArrayList<>();
    sets.forEach(s -> targets.add(s.path()));
    targets.addAll(removes);
    adds.forEach(a -> targets.add(a.path()));
    deletes.forEach(d -> targets.add(d.path()));
    return targets;
  }
}
