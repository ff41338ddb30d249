package dev.luna.http;

/**
 * What a module does when the local runtime restarts on its data directory: DynamoDB and S3 kept their data, but
 * the queues (ElasticMQ, in memory) came back empty, so work that was waiting for a queue message must be sent
 * again. Modules register one as a bean; the local runtime runs every one before its queue pollers start. SQS does
 * not lose messages, so nothing in AWS calls this.
 */
@FunctionalInterface
public interface RestartRecovery {
    /** Re-sends what the lost queues held; a short report for the log. */
    String recover();
}
