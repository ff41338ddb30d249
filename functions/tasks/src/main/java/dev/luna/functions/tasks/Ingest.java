package dev.luna.functions.tasks;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.luna.core.Hashes;
import dev.luna.core.Json;
import dev.luna.core.LunaException;
import dev.luna.core.Projects;
import dev.luna.core.ValidationException;
import dev.luna.tasks.TaskQueues;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code tasks-ingest}: a message on the submission queue is a task, exactly as if POSTed: same validation,
 * routing, cache and queueing. The task id derives from the message id, so a redelivered message never makes a
 * second task. An invalid message goes to the submission DLQ with the reason (message attributes
 * {@code errorCode}, {@code reason}) and is deleted; only infrastructure errors are retried.
 * The project is the message attribute {@code projectId} (default {@code default}): whoever may send to the
 * queue (IAM) may submit.
 */
final class Ingest {
    private static final Logger log = LoggerFactory.getLogger(Ingest.class);
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private final TaskService tasks;
    private final TaskQueues queues;

    Ingest(TaskService tasks, TaskQueues queues) {
        this.tasks = tasks;
        this.queues = queues;
    }

    SQSBatchResponse handle(SQSEvent event) {
        var failures = new ArrayList<SQSBatchResponse.BatchItemFailure>();
        for (var m : event.getRecords() == null ? java.util.List.<SQSEvent.SQSMessage>of() : event.getRecords()) {
            try {
                ingest(m);
            } catch (RuntimeException e) {
                log.error("submission {} not ingested, will be retried", m.getMessageId(), e);
                failures.add(SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(m.getMessageId()).build());
            }
        }
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }

    private void ingest(SQSEvent.SQSMessage m) {
        String project = Projects.DEFAULT;
        var attrs = m.getMessageAttributes();
        if (attrs != null && attrs.get("projectId") != null && attrs.get("projectId").getStringValue() != null) {
            project = attrs.get("projectId").getStringValue();
        }
        try {
            if (!Projects.isValidId(project)) throw new ValidationException("projectId", "message attribute must be 1-64 letters, digits, _ or -");
            var submission = Json.readRequest(m.getBody(), TaskSubmission.class);
            var task = tasks.submit(submission, project, "sqs:" + TaskQueues.SUBMISSIONS, taskId(m.getMessageId()));
            log.info("submission {} became task {} ({})", m.getMessageId(), task.id(), task.status().wire());
        } catch (LunaException e) {
            var reason = new LinkedHashMap<String, String>();
            reason.put("errorCode", e.code().name());
            reason.put("reason", e.getMessage());
            reason.put("sourceMessageId", m.getMessageId());
            reason.put("projectId", project);
            queues.send(TaskQueues.SUBMISSIONS_DLQ, m.getBody() == null ? "" : m.getBody(), Duration.ZERO, reason);
            log.warn("submission {} rejected ({}): {}", m.getMessageId(), e.code(), e.getMessage());
        }
    }

    /** A task id derived from the SQS message id: the same message always names the same task. */
    static String taskId(String messageId) {
        byte[] h = Hashes.sha256(messageId.getBytes(StandardCharsets.UTF_8));
        var sb = new StringBuilder("tsk_Q");
        for (int i = 0; i < 25; i++) sb.append(ALPHABET[(h[i] & 0xff) % 32]);
        return sb.toString();
    }
}
