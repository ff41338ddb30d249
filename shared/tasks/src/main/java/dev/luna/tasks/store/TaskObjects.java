package dev.luna.tasks.store;

import dev.luna.core.Json;
import dev.luna.store.AwsClients;
import dev.luna.tasks.Task;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import tools.jackson.databind.JsonNode;

/** Results and artifacts of tasks in the artifacts bucket ({@link TaskKeys#resultKey}, {@link TaskKeys#artifactKey}). */
public final class TaskObjects {
    /** Results larger than this are stored in S3 rather than in the task item (DynamoDB items are at most 400 KB). */
    public static final int INLINE_RESULT_BYTES = 64 * 1024;
    private final AwsClients aws;
    private final String bucket;

    public TaskObjects(AwsClients aws) {
        this.aws = aws;
        this.bucket = aws.config().bucketName("artifacts");
    }

    public String bucket() {
        return bucket;
    }

    public void put(String key, byte[] content, String contentType) {
        aws.s3().putObject(b -> b.bucket(bucket).key(key).contentType(contentType), RequestBody.fromBytes(content));
    }

    /** The task's result: inline, or read from S3. */
    public Optional<JsonNode> result(Task task) {
        if (task.result() != null) return Optional.of(task.result());
        if (task.resultRef() == null) return Optional.empty();
        try {
            byte[] bytes = aws.s3().getObjectAsBytes(b -> b.bucket(bucket).key(task.resultRef())).asByteArray();
            return Optional.of(Json.tree(new String(bytes, StandardCharsets.UTF_8)));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }
}
