package dev.luna.workers.kit;

import dev.luna.tasks.TaskContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * When an analysis must stop and keep what it has: the task's time is nearly up (less than {@code reserve} left, kept
 * for writing artifacts) or it was cancelled. Analyzers poll it between files, so the cancellation flag (a DynamoDB
 * read) is looked at every {@link #CANCEL_CHECK} at most.
 */
public final class StopSignal implements BooleanSupplier {
    static final Duration CANCEL_CHECK = Duration.ofSeconds(2);
    private final TaskContext context;
    private final Duration reserve;
    private final Clock clock;
    private volatile Instant lastCheck = Instant.EPOCH;
    private volatile boolean cancelled;
    private volatile boolean outOfTime;

    StopSignal(TaskContext context, Duration reserve, Clock clock) {
        this.context = context;
        this.reserve = reserve;
        this.clock = clock;
    }

    @Override
    public boolean getAsBoolean() {
        if (cancelled || outOfTime) return true;
        if (context.remaining().compareTo(reserve) < 0) {
            outOfTime = true;
            return true;
        }
        Instant now = clock.instant();
        if (Duration.between(lastCheck, now).compareTo(CANCEL_CHECK) >= 0) {
            lastCheck = now;
            cancelled = context.isCancelled();
        }
        return cancelled;
    }

    /** Whether it fired because time ran out (the task then ends {@code timed_out} with what it has). */
    public boolean outOfTime() {
        return outOfTime;
    }

    /** Whether it fired because the task was cancelled. */
    public boolean cancelled() {
        return cancelled;
    }
}
