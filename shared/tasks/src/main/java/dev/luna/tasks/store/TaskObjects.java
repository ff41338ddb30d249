package dev.luna.tasks.store;

import dev.luna.core.Json;
import dev.luna.store.AwsClients;
import dev.luna.tasks.Task;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest;
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

    /** An object's bytes and content type. */
    public record Stored(byte[] content, String contentType) {
    }

    /** The object at {@code key}, if there is one. */
    public Optional<Stored> read(String key) {
        try {
            var response = aws.s3().getObjectAsBytes(b -> b.bucket(bucket).key(key));
            String type = response.response().contentType();
            return Optional.of(new Stored(response.asByteArray(), type == null ? "application/octet-stream" : type));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    /**
     * A URL that reads the object for {@code ttl} without credentials, telling the browser to save it as
     * {@code fileName}: what an artifact download answers in AWS (a 302 to it), so large files never pass through Lambda.
     */
    public URI presign(String key, Duration ttl, String fileName) {
        var request = GetObjectPresignRequest.builder().signatureDuration(ttl).getObjectRequest(b -> b.bucket(bucket).key(key)
                .responseContentDisposition("attachment; filename=\"" + fileName.replaceAll("[\"\\\\\r\n]", "_") + "\"")).build();
        return URI.create(aws.s3Presigner().presignGetObject(request).url().toString());
    }

    /** Whether downloads are served by the function itself (the local runtime) rather than by presigned S3 URLs. */
    public boolean servesDownloads() {
        return aws.config().isLocal();
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
