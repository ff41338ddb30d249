package dev.luna.emulators.dynamodb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Reads one page of a Query or Scan: walks ordered entries, counts every entry it evaluates against
 * Limit (and a 1 MB cap) before applying the filter, as DynamoDB does, and produces LastEvaluatedKey
 * when more entries remain.
 */
final class ItemPager {
  static final int MAX_PAGE_BYTES = 1024 * 1024;

  private ItemPager() {}

  /** What to read: the candidate entries in order, and how to turn them into results. */
  record Request(
      Iterable<Map.Entry<CompositeKey, Map<String, AttrValue>>> entries,
      Predicate<Map.Entry<CompositeKey, Map<String, AttrValue>>> include,
      UnaryOperator<Map<String, AttrValue>> visible,
      Condition filter,
      Integer limit,
      List<String> lastKeyAttributes) {}

  record Page(List<Map<String, AttrValue>> items, int scannedCount, Map<String, AttrValue> lastEvaluatedKey) {}

  static Page read(Request request) {
    List<Map<String, AttrValue>> items = new ArrayList<>();
    int scanned = 0;
    long bytes = 0;
    Map<String, AttrValue> last = null;
    for (Map.Entry<CompositeKey, Map<String, AttrValue>> entry : request.entries()) {
      if (!request.include().test(entry)) {
        continue;
      }
      if ((request.limit() != null && scanned >= request.limit()) || bytes >= MAX_PAGE_BYTES) {
        return new Page(items, scanned, ItemKeys.attributes(last, request.lastKeyAttributes()));
      }
      scanned++;
      last = entry.getValue();
      bytes += AttrValues.itemSize(last);
      Map<String, AttrValue> visible = request.visible().apply(last);
      if (request.filter() == null || ConditionEvaluator.matches(request.filter(), visible)) {
        items.add(visible);
      }
    }
    return new Page(items, scanned, null);
  }
}
