package dev.luna.identity;

import dev.luna.core.ErrorCode;
import dev.luna.core.Json;
import dev.luna.core.LunaException;
import dev.luna.store.Attr;
import dev.luna.store.AwsClients;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The append-only audit log (table {@code audit}): entries are written with a condition that they do not exist yet
 * and there is no operation that changes or deletes one (Terraform grants functions only PutItem on it). Entries
 * are partitioned by UTC day ({@code AUDIT#2026-11-27}, sorted by time), with indexes by actor ({@code gsi1}) and
 * by project ({@code gsi2}), so time ranges, actors and projects are queries, never scans.
 */
public final class AuditLog {
    /** How far back a query without actor or project walks day partitions. */
    static final int MAX_DAYS = 366;
    private final AwsClients aws;
    private final String table;

    public AuditLog(AwsClients aws) {
        this.aws = aws;
        this.table = aws.config().tableName("audit");
    }

    public void record(AuditEntry e) {
        String sort = stamp(e.at()) + "#" + e.id();
        var item = new HashMap<String, AttributeValue>();
        item.put("pk", Attr.s("AUDIT#" + day(e.at())));
        item.put("sk", Attr.s(sort));
        item.put("gsi1pk", Attr.s("ACTOR#" + e.actor()));
        item.put("gsi1sk", Attr.s(sort));
        if (e.projectId() != null) {
            item.put("gsi2pk", Attr.s("PROJECT#" + e.projectId()));
            item.put("gsi2sk", Attr.s(sort));
        }
        item.put("doc", Attr.s(Json.write(e)));
        aws.dynamo().putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
    }

    /** Filters of a query; null means any. {@code from}/{@code to} bound the time (inclusive/exclusive). */
    public record Query(String actor, String projectId, String action, Instant from, Instant to) {
    }

    public record Page(List<AuditEntry> items, String nextCursor) {
    }

    /** Newest first. */
    public Page query(Query q, String cursor, int limit, Instant now) {
        Instant to = q.to() != null ? q.to() : now.plusSeconds(1);
        Instant from = q.from() != null ? q.from() : to.minus(java.time.Duration.ofDays(MAX_DAYS - 1));
        if (!from.isBefore(to)) throw new dev.luna.core.ValidationException("from", "must be before 'to'");
        var position = Position.decode(cursor);
        String partition;
        String index;
        String pkAttr;
        String skAttr;
        if (q.actor() != null) {
            index = "gsi1"; pkAttr = "gsi1pk"; skAttr = "gsi1sk"; partition = "ACTOR#" + q.actor();
        } else if (q.projectId() != null) {
            index = "gsi2"; pkAttr = "gsi2pk"; skAttr = "gsi2sk"; partition = "PROJECT#" + q.projectId();
        } else {
            index = null; pkAttr = "pk"; skAttr = "sk"; partition = null;
        }
        var out = new ArrayList<AuditEntry>();
        String upper = position != null ? position.after() : stamp(to);
        LocalDate dayCursor = position != null && position.day() != null ? LocalDate.parse(position.day()) : day(to.minusNanos(1));
        LocalDate firstDay = day(from);
        while (true) {
            String pk = partition != null ? partition : "AUDIT#" + dayCursor;
            String hi = upper;
            var values = new HashMap<String, AttributeValue>();
            values.put(":pk", Attr.s(pk));
            values.put(":lo", Attr.s(stamp(from)));
            values.put(":hi", Attr.s(hi));
            var req = QueryRequest.builder().tableName(table).keyConditionExpression("#pk = :pk AND #sk BETWEEN :lo AND :hi")
                    .expressionAttributeNames(Map.of("#pk", pkAttr, "#sk", skAttr)).expressionAttributeValues(values)
                    .scanIndexForward(false).limit(Math.max(limit * 2, 50));
            if (index != null) req.indexName(index);
            var resp = aws.dynamo().query(req.build());
            for (var item : resp.items()) {
                var e = Json.readTrusted(Attr.str(item, "doc"), AuditEntry.class);
                String sort = Attr.str(item, skAttr);
                if (sort.compareTo(hi) >= 0) continue;
                if (q.action() != null && !q.action().equals(e.action())) continue;
                if (q.actor() != null && q.projectId() != null && !q.projectId().equals(e.projectId())) continue;
                out.add(e);
                if (out.size() == limit) {
                    return new Page(out, new Position(partition == null ? dayCursor.toString() : null, sort).encode());
                }
            }
            if (resp.hasLastEvaluatedKey() && !resp.lastEvaluatedKey().isEmpty()) {
                upper = Attr.str(resp.items().get(resp.items().size() - 1), skAttr);
                continue;
            }
            if (partition != null || !dayCursor.isAfter(firstDay)) return new Page(out, null);
            dayCursor = dayCursor.minusDays(1);
            upper = stamp(to);
        }
    }

    /** Fixed-width UTC time, so sort keys order as times do. */
    static String stamp(Instant t) {
        return STAMP.format(t);
    }

    private static final java.time.format.DateTimeFormatter STAMP =
            java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private static LocalDate day(Instant t) {
        return LocalDate.ofInstant(t, ZoneOffset.UTC);
    }

    /** Where a listing resumes: a day partition (when walking days) and the sort key to continue below. */
    private record Position(String day, String after) {
        String encode() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(((day == null ? "" : day) + "|" + after).getBytes(StandardCharsets.UTF_8));
        }

        static Position decode(String cursor) {
            if (cursor == null || cursor.isEmpty()) return null;
            try {
                String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                int bar = s.indexOf('|');
                String day = s.substring(0, bar);
                String after = s.substring(bar + 1);
                STAMP.parse(after.substring(0, after.indexOf('#')));
                if (!day.isEmpty()) LocalDate.parse(day);
                return new Position(day.isEmpty() ? null : day, after);
            } catch (RuntimeException e) {
                throw new LunaException(ErrorCode.INVALID_CURSOR, "Invalid field 'cursor': not a cursor returned by this list (use links.next as given)");
            }
        }
    }
}
