package dev.luna.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Keyset pagination over one DynamoDB Query, in both directions. A page's {@code next} cursor resumes right after
 * its last item; its {@code prev} cursor (on every page reached through a cursor, while anything lies before it)
 * reads the same query in the opposite key order from right before its first item, then turns the items round, so
 * both links keep working while items are added or removed between requests. The key attributes a cursor holds are
 * those of the list's index; a cursor from another list, another partition or a tampered one is
 * {@code INVALID_CURSOR}.
 *
 * <p>Items the caller filters out ({@code read} answers null) are skipped; a page is filled from at most
 * {@value #MAX_READS} reads, so a selective filter cannot make one request scan a whole partition (the page is then
 * short, and its {@code next} cursor resumes where the reads stopped).
 */
public final class Keyset {
    static final int MAX_READS = 10;

    private Keyset() {
    }

    /** A page of items in the list's order, with the cursors of the pages after and before it (null: none). */
    public record Page<T>(List<T> items, String next, String prev) {
    }

    /** The key attributes of the list's cursors and the partition they must belong to. */
    public record Keys(Set<String> attributes, String partitionAttribute, String partition) {
    }

    /**
     * One page of {@code query} (its key condition, filter and {@code scanIndexForward} give the list's order; its
     * {@code limit}, when set, is the read size for filtered lists) starting at {@code cursor} (null: the first page).
     */
    public static <T> Page<T> page(DynamoDbClient dynamo, QueryRequest query, Keys keys, String cursor, int limit,
                                   Function<Map<String, AttributeValue>, T> read) {
        if (limit < 1) throw new IllegalArgumentException("limit must be positive");
        var position = Cursor.position(cursor, keys.attributes(), keys.partitionAttribute(), keys.partition());
        boolean listForward = query.scanIndexForward() == null || query.scanIndexForward();
        boolean backward = position != null && position.before();
        int readSize = Math.max(limit + 1, query.limit() == null ? 0 : query.limit());
        var items = new ArrayList<T>();
        var itemKeys = new ArrayList<Map<String, AttributeValue>>();
        Map<String, AttributeValue> start = position == null ? null : position.key();
        Map<String, AttributeValue> resume = null; // where the list goes on beyond this page (null: it ends here)
        reads:
        for (int reads = 0; reads < MAX_READS; reads++) {
            var request = query.toBuilder().scanIndexForward(listForward != backward).limit(readSize);
            if (start != null) request.exclusiveStartKey(start);
            var response = dynamo.query(request.build());
            var rows = response.items();
            var lastKey = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
            for (int i = 0; i < rows.size(); i++) {
                T item = read.apply(rows.get(i));
                if (item == null) continue;
                if (items.size() == limit) { // one more item: the page is full and the list goes on
                    resume = itemKeys.getLast();
                    break reads;
                }
                items.add(item);
                itemKeys.add(keyOf(rows.get(i), keys.attributes()));
            }
            if (lastKey == null) {
                resume = null;
                break;
            }
            start = lastKey;
            resume = items.size() == limit ? itemKeys.getLast() : lastKey;
        }
        if (!backward) {
            String prev = position != null && !items.isEmpty() ? Cursor.encodeBefore(itemKeys.getFirst()) : null;
            return new Page<>(items, Cursor.encode(resume), prev);
        }
        if (resume == null && items.size() < limit) {
            // reached the start of the list with a short page: that is the first page, read as such
            return page(dynamo, query, keys, null, limit, read);
        }
        Collections.reverse(items);
        Collections.reverse(itemKeys);
        String next = items.isEmpty() ? null : Cursor.encode(itemKeys.getLast());
        return new Page<>(items, next, resume == null ? null : Cursor.encodeBefore(resume));
    }

    private static Map<String, AttributeValue> keyOf(Map<String, AttributeValue> row, Set<String> attributes) {
        var key = new HashMap<String, AttributeValue>();
        for (String a : attributes) {
            var v = row.get(a);
            if (v == null) throw new IllegalStateException("item without its key attribute " + a);
            key.put(a, v);
        }
        return key;
    }
}
