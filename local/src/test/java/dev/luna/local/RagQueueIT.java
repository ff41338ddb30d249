package dev.luna.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.core.Json;
import dev.luna.store.AwsClients;
import dev.luna.store.LunaConfig;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The AWS path of indexing: with inline runs off, the index API only queues the job; the SQS message it sent, wrapped
 * in a real SQS event, runs the job through the queue-triggered function {@code rag-index-worker}.
 */
class RagQueueIT {
    private static LocalRuntime runtime;
    private static AwsClients aws;

    @BeforeAll
    static void start() {
        // its own stand-ins and no pollers: the test plays the queue worker itself
        runtime = LocalRuntime.builder().port(0).dataDirectory(null).queuePollers(false).adminKey(TestRuntime.ADMIN_KEY)
                .setting("LUNA_RAG_RUN_INLINE", "false").start();
        var e = runtime.emulators();
        aws = new AwsClients(LunaConfig.from(Map.of("AWS_REGION", "us-east-1", LunaConfig.DYNAMODB_ENDPOINT, e.dynamoEndpoint().toString(),
                LunaConfig.S3_ENDPOINT, e.s3Endpoint().toString(), LunaConfig.SQS_ENDPOINT, e.sqsEndpoint().toString(),
                LunaConfig.RESOURCE_PREFIX, "luna")::get));
    }

    @AfterAll
    static void stop() {
        if (runtime != null) runtime.close();
        if (aws != null) aws.close();
    }

    private static tools.jackson.databind.JsonNode runWorker(String event) {
        return Json.tree(new String(runtime.invoker().invoke("ragIndexWorker", event.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8));
    }

    private static String sqsEvent(String jobId) {
        return Json.write(Map.of("Records", List.of(Map.of("messageId", "m-" + jobId, "receiptHandle", "r", "body", Json.write(Map.of("jobId", jobId)),
                "attributes", Map.of("ApproximateReceiveCount", "2"), "messageAttributes", Map.of(), "eventSource", "aws:sqs",
                "eventSourceARN", "arn:aws:sqs:us-east-1:000000000000:luna-rag-index", "awsRegion", "us-east-1"))));
    }

    /** Marks a job running, as a worker that started it would, last updated at {@code updatedAtMillis}. */
    private static void markRunning(String jobId, long updatedAtMillis) {
        aws.dynamo().updateItem(b -> b.tableName("luna-rag-jobs").key(dev.luna.store.Attr.key("JOB#" + jobId, "JOB"))
                .updateExpression("SET #s = :r, #u = :u").expressionAttributeNames(Map.of("#s", "status", "#u", "updatedAtMillis"))
                .expressionAttributeValues(Map.of(":r", dev.luna.store.Attr.s("running"), ":u", dev.luna.store.Attr.n(updatedAtMillis))));
    }

    @Test
    void aJobAbandonedByADeadWorkerIsTakenOverButALiveOneIsLeftAlone() {
        var api = new Api(runtime.baseUri(), TestRuntime.ADMIN_KEY);
        String project = api.post("/api/v1/projects", "{\"name\":\"" + TestRuntime.unique("stale") + "\"}").data().get("id").asString();
        String live = api.post("/api/v1/rag/index", RagFixtures.inlineIndex(project, Map.of("src/Live.java", "class Live {}\n"))).data().get("id").asString();
        String dead = api.post("/api/v1/rag/index", RagFixtures.inlineIndex(project, Map.of("src/Dead.java", "class Dead {}\n"))).data().get("id").asString();
        markRunning(live, System.currentTimeMillis());
        markRunning(dead, System.currentTimeMillis() - java.time.Duration.ofMinutes(16).toMillis());
        assertThat(runWorker(sqsEvent(live)).get("batchItemFailures")).isEmpty();
        assertThat(runWorker(sqsEvent(dead)).get("batchItemFailures")).isEmpty();
        assertThat(api.get("/api/v1/rag/index/" + dead).data().get("status").asString()).isEqualTo("succeeded");
        assertThat(api.get("/api/v1/rag/index/" + live).data().get("status").asString()).isEqualTo("queued"); // untouched: its worker is alive
    }

    @Test
    void aQueuedJobRunsWhenTheWorkerReceivesItsMessage() {
        var api = new Api(runtime.baseUri(), TestRuntime.ADMIN_KEY);
        String project = api.post("/api/v1/projects", "{\"name\":\"" + TestRuntime.unique("queue") + "\"}").data().get("id").asString();
        var accepted = api.post("/api/v1/rag/index", RagFixtures.inlineIndex(project, Map.of("src/Queued.java",
                "class Queued {\n    /** Settles an invoice. */\n    void settleInvoice() {}\n}\n")));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        String jobId = accepted.data().get("id").asString();
        assertThat(accepted.data().get("status").asString()).isEqualTo("queued");
        assertThat(api.get("/api/v1/rag/index/" + jobId).data().get("status").asString()).isEqualTo("queued");

        String url = aws.sqs().getQueueUrl(b -> b.queueName("luna-rag-index")).queueUrl();
        software.amazon.awssdk.services.sqs.model.Message message = null;
        for (int i = 0; i < 10 && message == null; i++) {
            var received = aws.sqs().receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
            for (var m : received) {
                if (m.body().contains(jobId)) message = m;
                else aws.sqs().changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()).visibilityTimeout(0));
            }
        }
        assertThat(message).as("the job's SQS message").isNotNull();
        String event = Json.write(Map.of("Records", List.of(Map.of("messageId", message.messageId(), "receiptHandle", message.receiptHandle(),
                "body", message.body(), "attributes", Map.of("ApproximateReceiveCount", "1"), "messageAttributes", Map.of(),
                "eventSource", "aws:sqs", "eventSourceARN", "arn:aws:sqs:us-east-1:000000000000:luna-rag-index", "awsRegion", "us-east-1"))));
        var response = Json.tree(new String(runtime.invoker().invoke("ragIndexWorker", event.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8));
        assertThat(response.get("batchItemFailures")).isEmpty();
        String handle = message.receiptHandle();
        aws.sqs().deleteMessage(b -> b.queueUrl(url).receiptHandle(handle));

        var done = api.get("/api/v1/rag/index/" + jobId).data();
        assertThat(done.get("status").asString()).isEqualTo("succeeded");
        assertThat(done.get("result").get("filesIndexed").asInt()).isEqualTo(1);
        var q = api.post("/api/v1/rag/query", Json.write(Map.of("projectId", project, "query", "settle invoice", "mode", "keyword", "topK", 1)));
        assertThat(q.data().get("contexts").get(0).get("symbol").asString()).isEqualTo("Queued.settleInvoice");

        // a second delivery of the same message does not run the job again
        assertThat(runWorker(event).get("batchItemFailures")).isEmpty();
        assertThat(api.get("/api/v1/rag/index/" + jobId).data().get("finishedAt").asString()).isEqualTo(done.get("finishedAt").asString());
    }
}
