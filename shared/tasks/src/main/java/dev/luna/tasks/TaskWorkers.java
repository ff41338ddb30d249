package dev.luna.tasks;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.luna.catalog.Catalog;
import dev.luna.core.Lazy;
import dev.luna.http.PlatformHolder;
import dev.luna.store.DataDefinitions;
import dev.luna.tasks.store.TaskStores;
import dev.luna.tasks.worker.CircuitBreaker;
import dev.luna.tasks.worker.WorkerRuntime;
import java.time.Duration;
import org.springframework.context.support.GenericApplicationContext;

/**
 * Where a task type becomes a function: {@link #register} adds the type to the context's {@link TaskTypes} and
 * registers its worker function ({@code task-<type>}, bean {@code task<Type>}), which consumes the type's five
 * priority queues. Product modules call it for their types; tests and benchmarks for theirs. Every worker of a
 * context shares one {@link WorkerRuntime} (leases, breaker, visibility heartbeats), built at its first batch.
 */
public final class TaskWorkers {
    public static final String CIRCUIT_THRESHOLD = "LUNA_CIRCUIT_FAILURE_THRESHOLD";
    public static final String CIRCUIT_COOL_DOWN = "LUNA_CIRCUIT_COOL_DOWN_SECONDS";
    private static final String RUNTIME_BEAN = "lunaWorkerRuntime";

    private TaskWorkers() {
    }

    /**
     * Registers the handler of a type the catalog declares (its {@code task-<type>} function's {@code task} block gives
     * the description, timeout and payload schema) and the type's worker function: what a worker module does.
     */
    public static void register(GenericApplicationContext context, String declaredType, TaskHandler handler) {
        var declared = TaskTypes.of(context).find(declaredType).orElseThrow(() -> new IllegalStateException("task type " + declaredType
                + " is not declared in the catalog: its task-" + declaredType + " function needs a \"task\" block"));
        register(context, declared.withHandler(handler));
    }

    /** Registers {@code type} (a type defined in code, or a declared one with its handler) and its worker function. */
    public static void register(GenericApplicationContext context, TaskType type) {
        if (type.handler() == null) throw new IllegalArgumentException("task type " + type.name() + " has no handler");
        TaskTypes.of(context).register(type);
        var spec = Catalog.load().taskWorkers().get(type.name());
        if ((spec == null || spec.task() == null) && TaskTypes.PRODUCT_TYPES.contains(type.name())) {
            throw new IllegalStateException("product task type " + type.name() + " has no worker function in the catalog: add "
                    + Catalog.FunctionSpec.taskWorkerName(type.name()) + " with a task trigger and a task block, or it would not be deployed");
        }
        String name = spec == null ? Catalog.FunctionSpec.taskWorkerName(type.name()) : spec.name();
        String bean = spec == null ? Catalog.FunctionSpec.taskWorkerBean(type.name()) : spec.bean();
        var shared = shared(context);
        QueueFunctions.registerBatchFunction(context, name, bean, (SQSEvent event) -> shared.get().process(event, type.name()));
    }

    private static SharedRuntime shared(GenericApplicationContext context) {
        synchronized (context) {
            var factory = context.getBeanFactory();
            if (factory.containsSingleton(RUNTIME_BEAN)) return (SharedRuntime) factory.getSingleton(RUNTIME_BEAN);
            var shared = new SharedRuntime(context);
            factory.registerSingleton(RUNTIME_BEAN, shared);
            return shared;
        }
    }

    /** The context's worker runtime, built at the first batch (when the platform's settings are there). */
    private static final class SharedRuntime {
        private final Lazy<WorkerRuntime> runtime;

        SharedRuntime(GenericApplicationContext context) {
            this.runtime = new Lazy<>(() -> build(context));
        }

        WorkerRuntime get() {
            return runtime.get();
        }
    }

    private static WorkerRuntime build(GenericApplicationContext context) {
        var platform = PlatformHolder.of(context);
        var config = platform.config();
        var stores = TaskStores.create(platform.aws());
        var lifecycle = new TaskLifecycle(stores, new TaskQueues(platform.aws()), platform.clock());
        var breaker = new CircuitBreaker(stores.breakers(), platform.clock(), (int) config.longSetting(CIRCUIT_THRESHOLD, 5),
                Duration.ofSeconds(config.longSetting(CIRCUIT_COOL_DOWN, 30)), Duration.ofMinutes(10));
        return new WorkerRuntime(lifecycle, TaskTypes.of(context), breaker, platform.ids().next("wrk"),
                Duration.ofSeconds(DataDefinitions.load().taskQueue().visibilityTimeoutSeconds()));
    }
}
