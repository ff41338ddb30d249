package dev.luna.workers.kit;

import dev.luna.codebase.secrets.SecretScanner;
import dev.luna.core.Json;
import dev.luna.llm.UsageContext;
import dev.luna.sources.Checkout;
import dev.luna.sources.FileSelection;
import dev.luna.sources.Source;
import dev.luna.tasks.Task;
import dev.luna.tasks.TaskContext;
import dev.luna.tasks.TaskFailedException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * One run of a product task type: the payload ({@code source}, {@code options}, {@code brief}), named steps, the source
 * checked out into a temporary directory (deleted when the run ends), the model gateway attributed to this task,
 * retrieval over the source, artifacts, and read access to other tasks of the same project (a baseline).
 */
public final class TaskRun implements AutoCloseable {
    /** Time kept back from the task's timeout to write artifacts and the result after an analysis stops. */
    public static final Duration RESERVE = Duration.ofSeconds(20);
    private final JsonNode payload;
    private final TaskContext context;
    private final WorkerKit kit;
    private final Clock clock;
    private final Artifacts artifacts;
    private final StopSignal stop;
    private ModelAccess model;
    private Steps steps;
    private Checkout checkout;
    private Retrieval retrieval;

    TaskRun(JsonNode payload, TaskContext context, WorkerKit kit, Clock clock) {
        this.payload = payload;
        this.context = context;
        this.kit = kit;
        this.clock = clock;
        this.artifacts = new Artifacts(context);
        this.stop = new StopSignal(context, RESERVE, clock);
    }

    public JsonNode payload() {
        return payload;
    }

    /** {@code payload.options}, an empty object when absent. */
    public JsonNode options() {
        var o = payload.get("options");
        return o == null || o.isNull() ? Json.object() : o;
    }

    /** {@code payload.brief}, or null. */
    public String brief() {
        var b = payload.get("brief");
        return b == null || b.isNull() ? null : b.asString();
    }

    public TaskContext context() {
        return context;
    }

    public Clock clock() {
        return clock;
    }

    /** The task's steps (made at the first call; later calls return the same). */
    public Steps steps(Map<String, Integer> weights) {
        if (steps == null) steps = new Steps(context, clock, weights);
        return steps;
    }

    /** True once the task is out of time (less than {@link #RESERVE} left) or cancelled: stop and keep what you have. */
    public StopSignal stop() {
        return stop;
    }

    /** Checks {@code payload.source} out (once) with the files {@code selection} wants. */
    public Checkout checkout(FileSelection selection) {
        if (checkout == null) {
            var source = payload.get("source");
            if (source == null || !source.isObject()) throw new TaskFailedException("the payload has no source", false);
            Source parsed;
            try {
                parsed = Json.mapper().treeToValue(source, Source.class);
            } catch (RuntimeException e) {
                throw new TaskFailedException("payload.source is not a source object", false);
            }
            try {
                checkout = kit.checkouts().checkout(parsed, context.projectId(), "payload.source", selection);
            } catch (dev.luna.core.LunaException e) {
                throw new TaskFailedException("the source could not be read: " + e.getMessage(), false);
            }
        }
        return checkout;
    }

    /** Retrieval over the checked-out source (after {@link #checkout}). */
    public Retrieval retrieval() {
        if (checkout == null) throw new IllegalStateException("check the source out first");
        if (retrieval == null) retrieval = new Retrieval(checkout.root(), checkout.files(), kit.secrets());
        return retrieval;
    }

    /** The model gateway, attributed to this task, its agent and project. */
    public ModelAccess model() {
        if (model == null) {
            model = new ModelAccess(kit.gateway(), new UsageContext(context.projectId(), context.agentId(), context.taskId(), null,
                    context.type(), false, null));
        }
        return model;
    }

    /** The platform's secret detector: mask what a result or an artifact copies from the source. */
    public SecretScanner secrets() {
        return kit.secrets();
    }

    public Artifacts artifacts() {
        return artifacts;
    }

    /** Another task of this task's project, or empty (unknown, or another project's: not visible from here). */
    public Optional<Task> projectTask(String taskId) {
        return kit.stores().tasks().get(taskId).filter(t -> t.projectId().equals(context.projectId()));
    }

    /** The bytes of an artifact another task of the project wrote. */
    public Optional<byte[]> artifactOf(Task task, String name) {
        return task.artifacts().stream().filter(a -> a.name().equals(name)).findFirst()
                .flatMap(a -> kit.stores().objects().read(a.key())).map(s -> s.content());
    }

    @Override
    public void close() {
        if (retrieval != null) retrieval.close();
        if (checkout != null) checkout.close();
    }
}
