package dev.luna.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.core.Json;
import dev.luna.store.Attr;
import dev.luna.store.AwsClients;
import dev.luna.store.LunaConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restart on the same data directory loses the in-memory queues, not the RAG index jobs: the runtime sends the
 * messages of jobs still queued again, and puts back on the queue a job the previous process left running, so
 * both run to the end.
 */
class RagRecoveryIT {

    private static LocalRuntime start(Path dir, boolean pollers) {
        return LocalRuntime.builder().port(0).dataDirectory(dir).adminKey(TestRuntime.ADMIN_KEY).queuePollers(pollers)
                .setting("LUNA_RATE_LIMIT_PER_KEY", "100000000").setting("LUNA_RATE_LIMIT_PER_USER", "100000000").start();
    }

    private static String index(Api api, String path, String content) {
        var accepted = api.post("/api/v1/rag/index", Json.write(Map.of("projectId", "default",
                "source", Map.of("type", "inline", "files", List.of(Map.of("path", path, "content", content))))));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        assertThat(accepted.data().get("status").asString()).isEqualTo("queued");
        return accepted.data().get("id").asString();
    }

    @Test
    void queuedAndInterruptedIndexJobsRunAfterARestart(@TempDir Path dir) {
        String waiting, interrupted;
        // the first process accepts two jobs but runs none (no pollers); it "was running" one of them when it died
        try (var first = start(dir, false)) {
            var api = new Api(first.baseUri(), TestRuntime.ADMIN_KEY);
            waiting = index(api, "src/Waiting.java", "/** Waits. */\npublic class Waiting {\n    void await() {}\n}\n");
            interrupted = index(api, "src/Interrupted.java", "/** Interrupted. */\npublic class Interrupted {\n    void resume() {}\n}\n");
            var e = first.emulators();
            try (var aws = new AwsClients(LunaConfig.from(Map.of("AWS_REGION", "us-east-1", LunaConfig.DYNAMODB_ENDPOINT, e.dynamoEndpoint().toString(),
                    LunaConfig.S3_ENDPOINT, e.s3Endpoint().toString(), LunaConfig.SQS_ENDPOINT, e.sqsEndpoint().toString(),
                    LunaConfig.RESOURCE_PREFIX, "luna")::get))) {
                // running, and updated just now: a redelivered message alone would not take it over for 15 minutes
                aws.dynamo().updateItem(b -> b.tableName("luna-rag-jobs").key(Attr.key("JOB#" + interrupted, "JOB"))
                        .updateExpression("SET #s = :r, #u = :u").expressionAttributeNames(Map.of("#s", "status", "#u", "updatedAtMillis"))
                        .expressionAttributeValues(Map.of(":r", Attr.s("running"), ":u", Attr.n(System.currentTimeMillis()))));
            }
        }
        try (var second = start(dir, true)) {
            var api = new Api(second.baseUri(), TestRuntime.ADMIN_KEY);
            for (String id : List.of(waiting, interrupted)) {
                var job = Await.until(() -> api.get("/api/v1/rag/index/" + id), r -> r.data().get("status").asString().equals("succeeded"),
                        "index job " + id + " to succeed after the restart").data();
                assertThat(job.get("result").get("filesIndexed").asInt()).isEqualTo(1);
            }
            var found = api.post("/api/v1/rag/query", "{\"projectId\":\"default\",\"query\":\"resume\",\"mode\":\"keyword\",\"topK\":5}");
            assertThat(found.data().get("contexts").toString()).contains("src/Interrupted.java");
        }
    }
}
