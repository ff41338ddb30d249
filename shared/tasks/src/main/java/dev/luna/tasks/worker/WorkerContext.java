package dev.luna.tasks.worker;

import dev.luna.core.Hashes;
import dev.luna.tasks.Artifact;
import dev.luna.tasks.Progress;
import dev.luna.tasks.Task;
import dev.luna.tasks.TaskCancelledException;
import dev.luna.tasks.TaskContext;
import dev.luna.tasks.TaskLifecycle;
import dev.luna.tasks.TaskStatus;
import dev.luna.tasks.store.TaskKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** The {@link TaskContext} of one attempt: every report is a conditional write that this attempt still owns the task. */
final class WorkerContext implements TaskContext {
    private final TaskLifecycle lifecycle;
    private final Task claimed;
    private final String owner;
    private final Instant deadline;
    private final Clock clock;
    private final List<TransactWriteItem> effects = new ArrayList<>();
    /** The task as this attempt last wrote it (null once another writer may have changed it). */
    private volatile Task latest;

    WorkerContext(TaskLifecycle lifecycle, Task claimed, String owner, Instant deadline) {
        this.lifecycle = lifecycle;
        this.claimed = claimed;
        this.owner = owner;
        this.deadline = deadline;
        this.clock = lifecycle.clock();
        this.latest = claimed;
    }

    /** The stored task as this attempt last wrote it, when nothing else can have changed it since; else null. */
    Task latest() {
        return latest;
    }

    boolean owns(Task t) {
        return t.status() == TaskStatus.RUNNING && owner.equals(t.leaseOwner()) && t.attempts() == claimed.attempts();
    }

    List<TransactWriteItem> effects() {
        return effects;
    }

    @Override
    public String taskId() {
        return claimed.id();
    }

    @Override
    public String projectId() {
        return claimed.projectId();
    }

    @Override
    public String type() {
        return claimed.type();
    }

    @Override
    public int attempt() {
        return claimed.attempts();
    }

    @Override
    public String agentId() {
        return claimed.agentId();
    }

    @Override
    public void progress(String stage, int percentage, String message, Long etaSeconds) {
        if (stage == null || stage.isBlank() || stage.length() > 100) throw new IllegalArgumentException("stage must be 1-100 characters");
        int pct = Math.max(0, Math.min(100, percentage));
        String msg = message == null ? null : message.length() > 1000 ? message.substring(0, 1000) : message;
        write(b -> b.progress = b.progress.withStage(stage, pct, etaSeconds, msg), true);
    }

    @Override
    public void startStep(String name) {
        checkName(name);
        Instant now = clock.instant();
        write(b -> b.progress = b.progress.withStep(new Progress.Step(name, Progress.StepStatus.RUNNING, now, null, null)), true);
    }

    @Override
    public void completeStep(String name) {
        checkName(name);
        Instant now = clock.instant();
        write(b -> {
            var s = b.progress.step(name);
            b.progress = b.progress.withStep(new Progress.Step(name, Progress.StepStatus.COMPLETED,
                    s != null && s.startedAt() != null ? s.startedAt() : now, now, null));
        }, true);
    }

    @Override
    public void failStep(String name, String error) {
        checkName(name);
        Instant now = clock.instant();
        String e = error == null ? "failed" : error.length() > 1000 ? error.substring(0, 1000) : error;
        write(b -> {
            var s = b.progress.step(name);
            b.progress = b.progress.withStep(new Progress.Step(name, Progress.StepStatus.FAILED,
                    s != null && s.startedAt() != null ? s.startedAt() : now, now, e));
        }, false);
    }

    @Override
    public boolean isCancelled() {
        var t = lifecycle.store().get(claimed.id()).orElse(null);
        return t == null || t.cancelRequested() || t.status() == TaskStatus.CANCELLED || !owns(t);
    }

    @Override
    public Artifact writeArtifact(String name, byte[] content, String contentType) {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._/-]{0,199}") || name.contains("..")) {
            throw new IllegalArgumentException("artifact name must be 1-200 characters of letters, digits, . _ / -");
        }
        String key = TaskKeys.artifactKey(claimed.id(), name);
        lifecycle.stores().objects().put(key, content, contentType == null ? "application/octet-stream" : contentType);
        var artifact = new Artifact(name, key, contentType, content.length, Hashes.sha256Hex(content));
        write(b -> {
            b.artifacts.removeIf(a -> a.name().equals(name));
            b.artifacts.add(artifact);
        }, false);
        return artifact;
    }

    @Override
    public void effect(TransactWriteItem write) {
        if (effects.size() >= 90) throw new IllegalStateException("at most 90 effects per task");
        effects.add(write);
    }

    @Override
    public Duration remaining() {
        var d = Duration.between(clock.instant(), deadline);
        return d.isNegative() ? Duration.ZERO : d;
    }

    private void write(Consumer<Task.Builder> change, boolean checkCancel) {
        if (Thread.currentThread().isInterrupted()) throw new TaskCancelledException(claimed.id());
        var seen = new Task[1];
        var written = lifecycle.update(claimed.id(), current -> {
            seen[0] = current;
            if (!owns(current)) return null;
            var b = current.toBuilder();
            change.accept(b);
            return b;
        });
        latest = written.orElse(null); // the outcome's conditional write catches anything that lands after this
        var t = seen[0];
        if (t == null || !owns(t)) throw new TaskCancelledException(claimed.id());
        if (checkCancel && t.cancelRequested()) throw new TaskCancelledException(claimed.id());
    }

    private static void checkName(String name) {
        if (name == null || name.isBlank() || name.length() > 100) throw new IllegalArgumentException("step name must be 1-100 characters");
    }
}
