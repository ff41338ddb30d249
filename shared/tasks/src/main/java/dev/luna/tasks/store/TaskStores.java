package dev.luna.tasks.store;

import dev.luna.store.AwsClients;

/**
 * The stores of the task domain, made once per container: tasks, agent slots, the webhook outbox, results and
 * artifacts in S3, attempt statistics, the result cache, circuit breakers and generated settings.
 */
public record TaskStores(TaskStore tasks, AgentSlots slots, WebhookOutbox outbox, TaskObjects objects, AttemptLog attempts,
                         ResultCache cache, BreakerStates breakers, TaskSettings settings) {
    public static TaskStores create(AwsClients aws) {
        var slots = new AgentSlots(aws);
        var outbox = new WebhookOutbox(aws);
        return new TaskStores(new TaskStore(aws, slots, outbox), slots, outbox, new TaskObjects(aws), new AttemptLog(aws),
                new ResultCache(aws), new BreakerStates(aws), new TaskSettings(aws));
    }
}
