package dev.luna.tasks;

/** The body of a message on a priority queue: which task, for which (re)queueing of it. */
public record TaskMessage(String taskId, long generation) {
}
