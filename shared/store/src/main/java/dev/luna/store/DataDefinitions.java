package dev.luna.store;

import dev.luna.core.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The tables, buckets and queues of the platform, read from {@code infra/terraform/data.json} — the same file
 * Terraform {@code for_each}es over — so the local runtime creates exactly what AWS gets. {@code taskQueue} shapes
 * the five priority queues of each task type ({@code tasks-<type>-<priority>}), which follow from the catalog's
 * task functions rather than being listed here.
 */
public record DataDefinitions(Map<String, Table> tables, Map<String, Bucket> buckets, Map<String, Queue> queues, Queue taskQueue) {

    public record Table(String description, String hashKey, String rangeKey, Map<String, String> attributes,
                        Map<String, Index> globalSecondaryIndexes, String ttlAttribute,
                        /** The DynamoDB stream view (NEW_IMAGE) when a function consumes the table's changes, else null. */ String streamView) {
    }

    public record Index(String hashKey, String rangeKey) {
    }

    public record Bucket(String description) {
    }

    public record Queue(String description, Boolean fifo, Integer visibilityTimeoutSeconds, Integer maxReceiveCount,
                        String deadLetterQueue) {
    }

    /** The queue of one task type and priority, shaped by {@link #taskQueue}. */
    public Queue taskQueue(String taskType, String priority) {
        return new Queue("Priority " + priority + " tasks of type " + taskType, taskQueue.fifo(), taskQueue.visibilityTimeoutSeconds(),
                taskQueue.maxReceiveCount(), taskQueue.deadLetterQueue());
    }

    public static DataDefinitions load() {
        try (InputStream in = DataDefinitions.class.getResourceAsStream("/luna/data.json")) {
            if (in == null) throw new IllegalStateException("luna/data.json is missing from the classpath");
            return Json.readTrusted(new String(in.readAllBytes(), StandardCharsets.UTF_8), DataDefinitions.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
