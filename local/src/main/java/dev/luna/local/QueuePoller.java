package dev.luna.local;

import dev.luna.catalog.Catalog;
import dev.luna.core.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The local stand-in for one Lambda event source mapping on SQS: a receiver long-polls the queue for up to
 * {@code batchSize} messages while fewer than {@code maxConcurrency} batches are running, hands each batch to the
 * function as the SQS event JSON Lambda sends ({@code {"Records":[…]}}) through {@link LambdaInvoker} on its own
 * virtual thread, and deletes the messages the function did not report in {@code batchItemFailures}
 * (ReportBatchItemFailures). Reported messages, and the whole batch when the function throws or answers an invalid
 * report, are left alone: they become visible again when their visibility timeout ends, and after
 * {@code maxReceiveCount} receives the queue's redrive policy moves them to its dead-letter queue. One receiver
 * per queue keeps one long poll open per mapping however large its concurrency, as Lambda's pollers do.
 */
final class QueuePoller implements AutoCloseable {
    static final int WAIT_SECONDS = 5;
    private static final Logger log = LoggerFactory.getLogger(QueuePoller.class);
    private final SqsClient sqs;
    private final String function;
    private final String bean;
    private final String queueUrl;
    private final String queueArn;
    private final LambdaInvoker invoker;
    private final int batchSize;
    private final Semaphore slots;
    private final ExecutorService batches = Executors.newVirtualThreadPerTaskExecutor();
    private Thread receiver;
    private volatile boolean running = true;

    QueuePoller(SqsClient sqs, Catalog.FunctionSpec function, Catalog.Trigger.QueueBinding binding, String queueUrl, String queueArn,
                LambdaInvoker invoker) {
        this.sqs = sqs;
        this.function = function.name();
        this.bean = function.bean();
        this.queueUrl = queueUrl;
        this.queueArn = queueArn;
        this.invoker = invoker;
        this.batchSize = Math.max(1, Math.min(10, binding.batchSize()));
        this.slots = new Semaphore(Math.max(1, binding.maxConcurrency()));
    }

    void start() {
        receiver = Thread.ofPlatform().daemon().name("poller-" + function + "-" + queueArn.substring(queueArn.lastIndexOf(':') + 1)).start(this::loop);
    }

    private void loop() {
        while (running) {
            try {
                slots.acquire();
            } catch (InterruptedException e) {
                return;
            }
            boolean handedOver = false;
            try {
                var messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(batchSize).waitTimeSeconds(WAIT_SECONDS)
                        .messageAttributeNames("All").messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
                if (messages.isEmpty() || !running) continue;
                batches.execute(() -> {
                    try {
                        deliver(messages);
                    } finally {
                        slots.release();
                    }
                });
                handedOver = true;
            } catch (RuntimeException e) {
                if (!running) return;
                log.warn("{}: polling {} failed: {}", function, queueUrl, e.toString());
                sleep(1000);
            } finally {
                if (!handedOver) slots.release();
            }
        }
    }

    private void deliver(List<Message> messages) {
        Set<String> failed;
        try {
            byte[] output = invoker.invoke(bean, Json.writeBytes(event(messages)));
            failed = failures(output, messages);
        } catch (RuntimeException e) {
            if (!running) return;
            log.error("{}: invocation failed; the batch of {} will be redelivered after its visibility timeout", function, messages.size(), e);
            return;
        }
        var entries = new ArrayList<DeleteMessageBatchRequestEntry>();
        for (int i = 0; i < messages.size(); i++) {
            var m = messages.get(i);
            if (!failed.contains(m.messageId())) {
                entries.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(i)).receiptHandle(m.receiptHandle()).build());
            }
        }
        if (!entries.isEmpty()) {
            var resp = sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
            if (resp.hasFailed() && !resp.failed().isEmpty()) log.warn("{}: {} deletes failed", function, resp.failed().size());
        }
    }

    /** The reported failures; the whole batch when the report names a message that is not in it (as Lambda does). */
    private static Set<String> failures(byte[] output, List<Message> messages) {
        var all = new HashSet<String>();
        messages.forEach(m -> all.add(m.messageId()));
        var failed = new HashSet<String>();
        if (output == null || output.length == 0) return failed;
        var tree = Json.mapper().readTree(output);
        var items = tree == null ? null : tree.get("batchItemFailures");
        if (items == null || items.isNull()) return failed;
        for (var item : items) {
            String id = item.path("itemIdentifier").asString(null);
            if (id == null || id.isEmpty() || !all.contains(id)) return all;
            failed.add(id);
        }
        return failed;
    }

    /** The SQS event Lambda's event source mapping sends. */
    private Map<String, Object> event(List<Message> messages) {
        var records = new ArrayList<Map<String, Object>>();
        for (var m : messages) {
            var r = new LinkedHashMap<String, Object>();
            r.put("messageId", m.messageId());
            r.put("receiptHandle", m.receiptHandle());
            r.put("body", m.body());
            var attrs = new LinkedHashMap<String, String>();
            m.attributesAsStrings().forEach(attrs::put);
            r.put("attributes", attrs);
            var messageAttrs = new LinkedHashMap<String, Object>();
            m.messageAttributes().forEach((k, v) -> {
                var a = new LinkedHashMap<String, Object>();
                a.put("stringValue", v.stringValue());
                a.put("stringListValues", List.of());
                a.put("binaryListValues", List.of());
                a.put("dataType", v.dataType());
                messageAttrs.put(k, a);
            });
            r.put("messageAttributes", messageAttrs);
            r.put("md5OfBody", m.md5OfBody());
            r.put("eventSource", "aws:sqs");
            r.put("eventSourceARN", queueArn);
            r.put("awsRegion", "us-east-1");
            records.add(r);
        }
        return Map.of("Records", records);
    }

    /** Stops polling; in-flight batches finish on their own. */
    void stop() {
        running = false;
    }

    @Override
    public void close() {
        stop();
        awaitAll(List.of(this), java.time.Duration.ofSeconds(WAIT_SECONDS + 1));
    }

    /** Waits, within one overall bound, for the pollers to end (each after the batches it has running). */
    static void awaitAll(List<QueuePoller> pollers, java.time.Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        pollers.forEach(p -> p.batches.shutdown());
        for (var p : pollers) {
            try {
                long left = deadline - System.nanoTime();
                if (left <= 0) return;
                if (p.receiver != null) p.receiver.join(java.time.Duration.ofNanos(left));
                left = deadline - System.nanoTime();
                if (left <= 0) return;
                p.batches.awaitTermination(left, java.util.concurrent.TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
