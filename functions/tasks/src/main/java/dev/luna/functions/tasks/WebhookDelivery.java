package dev.luna.functions.tasks;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.luna.core.Json;
import dev.luna.realtime.push.ExpoPush;
import dev.luna.realtime.push.PushNotifier;
import dev.luna.tasks.TaskQueues;
import dev.luna.tasks.WebhookSigner;
import dev.luna.tasks.store.TaskStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Random;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code tasks-webhook}: POSTs a finished task to its webhook URL, signed ({@link WebhookSigner}). A failed
 * delivery (no 2xx, timeout, refused) is retried by SQS with exponential backoff and jitter: the message's
 * visibility is set to {@code min(15 min, 5 s * 2^(receives-1))} (jittered) and the message is reported failed;
 * after {@code maxReceiveCount} receives SQS moves it to {@code task-webhooks-dlq}.
 */
final class WebhookDelivery {
    private static final Logger log = LoggerFactory.getLogger(WebhookDelivery.class);
    private final TaskStore store;
    private final TaskQueues queues;
    private final Supplier<WebhookSigner> signer;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final Random random = new Random();

    private final PushNotifier push;

    WebhookDelivery(TaskStore store, TaskQueues queues, Supplier<WebhookSigner> signer, Clock clock, PushNotifier push) {
        this.store = store;
        this.push = push;
        this.queues = queues;
        this.signer = signer;
        this.clock = clock;
    }

    SQSBatchResponse handle(SQSEvent event) {
        var failures = new ArrayList<SQSBatchResponse.BatchItemFailure>();
        for (var m : event.getRecords() == null ? java.util.List.<SQSEvent.SQSMessage>of() : event.getRecords()) {
            if (!deliver(m)) {
                failures.add(SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(m.getMessageId()).build());
                backoff(m);
            }
        }
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }

    private boolean deliver(SQSEvent.SQSMessage m) {
        String taskId;
        String status;
        String deliveryId;
        boolean toDevices;
        try {
            var body = Json.tree(m.getBody());
            taskId = body.get("taskId").asString();
            status = body.get("status").asString();
            // one id per task end, however often it is sent (SQS redelivery, the health-check's resend)
            deliveryId = "dlv_" + taskId + "_r" + body.path("revision").asLong(0);
            toDevices = "push".equals(body.path("channel").asString(""));
        } catch (RuntimeException e) {
            log.warn("malformed webhook message {} dropped: {}", m.getMessageId(), e.toString());
            return true;
        }
        try {
            var task = store.get(taskId).orElse(null);
            if (toDevices) return task == null || pushTo(task, status);
            if (task == null || task.webhookUrl() == null) return true;
            var payload = new LinkedHashMap<String, Object>();
            payload.put("event", "task." + status);
            payload.put("deliveryId", deliveryId);
            payload.put("deliveredAt", clock.instant().toString());
            payload.put("task", task.view());
            String body = Json.write(payload);
            var request = HttpRequest.newBuilder(URI.create(task.webhookUrl())).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json").header("User-Agent", "Luna-Webhooks/1")
                    .header("X-Luna-Event", "task." + status).header("X-Luna-Delivery", deliveryId)
                    .header(WebhookSigner.HEADER, signer.get().sign(clock.instant(), body))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            var response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) return true;
            log.warn("webhook of task {} answered {}; will retry", taskId, response.statusCode());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            log.warn("webhook of task {} failed: {}; will retry", taskId, e.toString());
            return false;
        }
    }

    /**
     * The push to the devices of the users following a task that ended: a title naming the task and its end, the
     * progress message or error as body, and {@code {taskId, status, type}} as data for the app to open the task.
     * The push service failing (not a single device refusing) retries the message like a failed webhook.
     */
    private boolean pushTo(dev.luna.tasks.Task task, String status) {
        if (task.followers().isEmpty()) return true;
        String title = "Task " + status.replace('_', ' ') + ": " + task.type();
        String body = task.error() != null ? task.error().message()
                : task.progress().message() != null ? task.progress().message() : "Task " + task.id() + " " + status.replace('_', ' ');
        var data = new LinkedHashMap<String, Object>();
        data.put("kind", "task");
        data.put("taskId", task.id());
        data.put("status", status);
        data.put("type", task.type());
        try {
            var outcome = push.toUsers(task.followers(), title, body, data);
            log.info("push for task {} ({}): {} sent, {} device(s) gone{}", task.id(), status, outcome.sent(), outcome.deadTokens().size(),
                    outcome.logged() ? " (logged: push not configured)" : "");
            return true;
        } catch (ExpoPush.PushFailure e) {
            log.warn("push for task {} failed: {}; will retry", task.id(), e.getMessage());
            return false;
        }
    }

    private void backoff(SQSEvent.SQSMessage m) {
        try {
            int receives = 1;
            var attrs = m.getAttributes();
            if (attrs != null && attrs.get("ApproximateReceiveCount") != null) receives = Integer.parseInt(attrs.get("ApproximateReceiveCount"));
            long ceiling = Math.min(900, 5L << Math.min(20, Math.max(0, receives - 1)));
            long seconds = Math.max(1, (long) (ceiling / 2.0 + random.nextDouble() * ceiling / 2.0));
            if (m.getEventSourceArn() != null) queues.changeVisibility(queues.urlOfArn(m.getEventSourceArn()), m.getReceiptHandle(), Duration.ofSeconds(seconds));
        } catch (RuntimeException e) {
            log.warn("could not set the webhook retry delay: {}", e.toString());
        }
    }
}
