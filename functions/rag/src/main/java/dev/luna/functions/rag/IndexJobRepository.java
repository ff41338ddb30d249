package dev.luna.functions.rag;

import dev.luna.core.Json;
import dev.luna.store.Attr;
import dev.luna.store.AwsClients;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Jobs in the {@code rag-jobs} table (pk {@code JOB#<id>}, sk {@code JOB}); each job's input (the request with its
 * files or archive) in the artifacts bucket under {@code rag/jobs/<id>/input.json}, so the queue message only names
 * the job.
 */
final class IndexJobRepository {
    private final AwsClients aws;
    private final String table;
    private final String bucket;
    private final java.time.Clock clock;

    IndexJobRepository(AwsClients aws, java.time.Clock clock) {
        this.clock = clock;
        this.aws = aws;
        this.table = aws.config().tableName("rag-jobs");
        this.bucket = aws.config().bucketName("artifacts");
    }

    void create(IndexJob job, Requests.IndexRequest input) {
        aws.s3().putObject(b -> b.bucket(bucket).key(inputKey(job.id())).contentType("application/json"),
                RequestBody.fromBytes(Json.writeBytes(input)));
        aws.dynamo().putItem(b -> b.tableName(table).item(item(job)).conditionExpression("attribute_not_exists(pk)"));
    }

    Optional<IndexJob> find(String id) {
        var item = aws.dynamo().getItem(b -> b.tableName(table).key(Attr.key("JOB#" + id, "JOB")).consistentRead(true)).item();
        if (item == null || item.isEmpty()) return Optional.empty();
        return Optional.of(Json.readTrusted(Attr.str(item, "doc"), IndexJob.class));
    }

    Optional<Requests.IndexRequest> input(String id) {
        try {
            var bytes = aws.s3().getObjectAsBytes(b -> b.bucket(bucket).key(inputKey(id))).asByteArray();
            return Optional.of(Json.readLenient(bytes, Requests.IndexRequest.class));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    /**
     * Moves a job from queued to running; false when another worker got it first or it already ran. A job left
     * running by a worker that died (no update for {@code staleAfter}) may be taken over by a redelivery.
     */
    boolean start(IndexJob running, java.time.Duration staleAfter) {
        long staleBefore = running.startedAt().minus(staleAfter).toEpochMilli();
        try {
            aws.dynamo().putItem(b -> b.tableName(table).item(item(running))
                    .conditionExpression("#s = :queued OR (#s = :running AND #u < :stale)")
                    .expressionAttributeNames(Map.of("#s", "status", "#u", "updatedAtMillis"))
                    .expressionAttributeValues(Map.of(":queued", Attr.s(IndexJob.QUEUED), ":running", Attr.s(IndexJob.RUNNING),
                            ":stale", Attr.n(staleBefore))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** A job not finished yet, and whether a worker had started it (the item's status, which the start writes). */
    record Unfinished(IndexJob job, boolean running) {
    }

    /**
     * Jobs still waiting or running, for {@link dev.luna.http.RestartRecovery} after a local restart (a scan: the
     * table is small locally, and AWS never needs this).
     */
    java.util.List<Unfinished> unfinished() {
        var out = new java.util.ArrayList<Unfinished>();
        Map<String, AttributeValue> start = null;
        do {
            var startKey = start;
            var page = aws.dynamo().scan(b -> b.tableName(table).filterExpression("#s IN (:queued, :running)")
                    .expressionAttributeNames(Map.of("#s", "status"))
                    .expressionAttributeValues(Map.of(":queued", Attr.s(IndexJob.QUEUED), ":running", Attr.s(IndexJob.RUNNING)))
                    .exclusiveStartKey(startKey));
            for (var item : page.items()) {
                out.add(new Unfinished(Json.readTrusted(Attr.str(item, "doc"), IndexJob.class), IndexJob.RUNNING.equals(Attr.str(item, "status"))));
            }
            start = page.lastEvaluatedKey() == null || page.lastEvaluatedKey().isEmpty() ? null : page.lastEvaluatedKey();
        } while (start != null);
        return out;
    }

    void save(IndexJob job) {
        aws.dynamo().putItem(b -> b.tableName(table).item(item(job)));
    }

    void deleteInput(String id) {
        aws.s3().deleteObject(b -> b.bucket(bucket).key(inputKey(id)));
    }

    private static String inputKey(String id) {
        return "rag/jobs/" + id + "/input.json";
    }

    private Map<String, AttributeValue> item(IndexJob job) {
        var item = new HashMap<String, AttributeValue>(Attr.key("JOB#" + job.id(), "JOB"));
        item.put("projectId", Attr.s(job.projectId()));
        item.put("status", Attr.s(job.status()));
        item.put("doc", Attr.s(Json.write(job)));
        item.put("updatedAtMillis", Attr.n(clock.millis()));
        return item;
    }
}
