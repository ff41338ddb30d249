package dev.luna.tasks;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.luna.catalog.Catalog;
import dev.luna.http.PlatformHolder;
import dev.luna.store.DataDefinitions;
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

    /** Registers {@code type} and its worker function. */
    public static void register(GenericApplicationContext context, TaskType type) {
        TaskTypes.of(context).register(type);
        var spec = Catalog.load().taskWorkers().get(type.name());
        if (spec == null && TaskTypes.PRODUCT_TYPES.contains(type.name())) {
            throw new IllegalStateException("product task type " + type.name() + " has no worker function in the catalog: add "
                    + Catalog.FunctionSpec.taskWorkerName(type.name()) + " with a task trigger, or it would not be deployed");
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
        private final GenericApplicationContext context;
        private volatile WorkerRuntime runtime;

        SharedRuntime(GenericApplicationContext context) {
            this.context = context;
        }

        WorkerRuntime get() {
            var r = runtime;
            if (r != null) return r;
            synchronized (this) {
                if (runtime == null) runtime = build(context);
                return runtime;
            }
        }
    }

    private static WorkerRuntime build(GenericApplicationContext context) {
        {
            var platform = PlatformHolder.of(context);
            var config = platform.config();
            var store = new TaskStore(platform.aws());
            var lifecycle = new TaskLifecycle(store, new TaskQueues(platform.aws()), platform.clock());
            var breaker = new CircuitBreaker(store, platform.clock(), (int) config.longSetting(CIRCUIT_THRESHOLD, 5),
                    Duration.ofSeconds(config.longSetting(CIRCUIT_COOL_DOWN, 30)), Duration.ofMinutes(10));
            return new WorkerRuntime(lifecycle, TaskTypes.of(context), breaker, platform.ids().next("wrk"),
                    Duration.ofSeconds(DataDefinitions.load().taskQueue().visibilityTimeoutSeconds()));
        }
    }
}
