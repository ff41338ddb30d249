package dev.luna.functions.rag;

import dev.luna.core.Json;
import dev.luna.store.Attr;
import dev.luna.store.AwsClients;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * {@link GitWatch}es in the {@code rag-jobs} table, beside the jobs: the watch ({@code WATCH#<id>}/{@code WATCH}), a
 * pointer per repository for pushes ({@code REPO#<key>}/{@code <id>}), one in the {@code WATCHES} partition for the
 * scheduled check when it has an interval, and for every job it started a pointer back ({@code JOB#<job>}/{@code WATCH}).
 * Queries only: no scan, no index.
 */
final class GitWatchRepository {
    private static final String WATCHES = "WATCHES";
    private final AwsClients aws;
    private final String table;

    GitWatchRepository(AwsClients aws) {
        this.aws = aws;
        this.table = aws.config().tableName("rag-jobs");
    }

    void create(GitWatch watch) {
        var writes = new ArrayList<TransactWriteItem>();
        writes.add(put(watchItem(watch), "attribute_not_exists(pk)"));
        writes.add(put(pointer("REPO#" + GitWatch.repositoryKey(watch.url()), watch.id(), watch.id()), null));
        if (watch.intervalMinutes() != null) writes.add(put(pointer(WATCHES, watch.id(), watch.id()), null));
        aws.dynamo().transactWriteItems(b -> b.transactItems(writes));
    }

    void save(GitWatch watch) {
        aws.dynamo().putItem(b -> b.tableName(table).item(watchItem(watch)));
    }

    Optional<GitWatch> find(String id) {
        var item = aws.dynamo().getItem(b -> b.tableName(table).key(Attr.key("WATCH#" + id, "WATCH")).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(Json.readTrusted(Attr.str(item, "doc"), GitWatch.class));
    }

    /** Marks {@code jobId} as run for the watch, so its outcome updates the watch. */
    void link(String jobId, String watchId) {
        aws.dynamo().putItem(b -> b.tableName(table).item(pointer("JOB#" + jobId, "WATCH", watchId)));
    }

    Optional<GitWatch> ofJob(String jobId) {
        var item = aws.dynamo().getItem(b -> b.tableName(table).key(Attr.key("JOB#" + jobId, "WATCH")).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : find(Attr.str(item, "watchId"));
    }

    List<GitWatch> ofRepository(String url) {
        return resolve("REPO#" + GitWatch.repositoryKey(url));
    }

    /** Watches with a scheduled check. */
    List<GitWatch> scheduled() {
        return resolve(WATCHES);
    }

    private List<GitWatch> resolve(String pk) {
        var out = new ArrayList<GitWatch>();
        for (var page : aws.dynamo().queryPaginator(b -> b.tableName(table).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", Attr.s(pk))))) {
            for (var item : page.items()) find(Attr.str(item, "watchId")).ifPresent(out::add);
        }
        return out;
    }

    private TransactWriteItem put(Map<String, AttributeValue> item, String condition) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item).conditionExpression(condition).build()).build();
    }

    private static Map<String, AttributeValue> pointer(String pk, String sk, String watchId) {
        var item = new java.util.HashMap<>(Attr.key(pk, sk));
        item.put("watchId", Attr.s(watchId));
        return item;
    }

    private static Map<String, AttributeValue> watchItem(GitWatch watch) {
        var item = new java.util.HashMap<>(Attr.key("WATCH#" + watch.id(), "WATCH"));
        item.put("projectId", Attr.s(watch.projectId()));
        item.put("doc", Attr.s(Json.write(watch)));
        return item;
    }
}
