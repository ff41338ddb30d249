package dev.luna.tasks;

import dev.luna.core.Json;
import dev.luna.store.AwsClients;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The task queues on SQS, by logical name: each task type's five priority queues ({@code tasks-<type>-<priority>},
 * shaped by {@code data.json}'s {@code taskQueue}), and from {@code data.json} the tasks' dead-letter queue, the
 * submission queue, the webhook queue and their dead-letter queues. Queue URLs are looked up once per container.
 */
public final class TaskQueues {
    public static final String SUBMISSIONS = "task-submissions";
    public static final String SUBMISSIONS_DLQ = "task-submissions-dlq";
    public static final String WEBHOOKS = "task-webhooks";
    public static final String WEBHOOKS_DLQ = "task-webhooks-dlq";
    public static final String DLQ = "tasks-dlq";
    /** SQS's longest message delay; longer backoffs are reached by parking the message again. */
    public static final Duration MAX_DELAY = Duration.ofSeconds(900);

    private final AwsClients aws;
    private final Map<String, String> urls = new ConcurrentHashMap<>();

    public TaskQueues(AwsClients aws) {
        this.aws = aws;
    }

    public String url(String logicalName) {
        return urls.computeIfAbsent(logicalName, n -> aws.sqs().getQueueUrl(b -> b.queueName(aws.config().queueName(n))).queueUrl());
    }

    /** The queue URL for an event source ARN ({@code arn:aws:sqs:<region>:<account>:<name>}). */
    public String urlOfArn(String arn) {
        String name = arn.substring(arn.lastIndexOf(':') + 1);
        return urls.computeIfAbsent("arn:" + name, n -> aws.sqs().getQueueUrl(b -> b.queueName(name)).queueUrl());
    }

    /** Sends a task's message to the queue of its type and priority, delayed by up to 15 minutes. */
    public void enqueue(Task task, Duration delay) {
        enqueue(task, delay, Map.of());
    }

    /** As {@link #enqueue(Task, Duration)}, with extra message attributes. */
    public void enqueue(Task task, Duration delay, Map<String, String> attributes) {
        var attrs = new HashMap<String, String>(attributes);
        attrs.put("taskType", task.type());
        var trace = dev.luna.tracing.Tracing.inject();
        var message = new TaskMessage(task.id(), task.generation(), trace.isEmpty() ? null : trace);
        send(task.priority().queue(task.type()), Json.write(message), delay, attrs);
    }

    public void send(String logicalName, String body, Duration delay, Map<String, String> attributes) {
        int seconds = (int) Math.min(MAX_DELAY.toSeconds(), Math.max(0, (delay.toMillis() + 999) / 1000));
        var attrs = new HashMap<String, MessageAttributeValue>();
        attributes.forEach((k, v) -> attrs.put(k, MessageAttributeValue.builder().dataType("String")
                .stringValue(v.length() > 1024 ? v.substring(0, 1024) : v).build()));
        aws.sqs().sendMessage(b -> b.queueUrl(url(logicalName)).messageBody(body).delaySeconds(seconds).messageAttributes(attrs));
    }

    public void changeVisibility(String queueUrl, String receiptHandle, Duration timeout) {
        int seconds = (int) Math.min(43_200, Math.max(0, timeout.toSeconds()));
        aws.sqs().changeMessageVisibility(b -> b.queueUrl(queueUrl).receiptHandle(receiptHandle).visibilityTimeout(seconds));
    }

    /** Approximate depth (visible), in flight (received, not deleted) and delayed messages of a queue. */
    public record Depth(long visible, long inFlight, long delayed) {
    }

    public Depth depth(String logicalName) {
        var attrs = aws.sqs().getQueueAttributes(b -> b.queueUrl(url(logicalName)).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
        return new Depth(num(attrs.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)),
                num(attrs.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)),
                num(attrs.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)));
    }

    /** Receives up to 10 messages without waiting, hidden for {@code visibility}, with their attributes. */
    public List<Message> receive(String logicalName, Duration visibility) {
        return aws.sqs().receiveMessage(b -> b.queueUrl(url(logicalName)).maxNumberOfMessages(10).waitTimeSeconds(0)
                .visibilityTimeout((int) visibility.toSeconds()).messageAttributeNames("All")
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
    }

    public void delete(String logicalName, String receiptHandle) {
        aws.sqs().deleteMessage(b -> b.queueUrl(url(logicalName)).receiptHandle(receiptHandle));
    }

    private static long num(String s) {
        try {
            return s == null ? 0 : Long.parseLong(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
