package dev.luna.tasks;

import dev.luna.catalog.Catalog;
import dev.luna.core.ErrorCode;
import dev.luna.core.LunaException;
import dev.luna.core.ValidationException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The task types this container knows: every type the catalog declares (the {@code task} block of a
 * {@code task-<type>} function; the handler stays with the type's worker module, which adds it through
 * {@link TaskWorkers#register}), plus types defined in code with their handlers (tests, benchmarks). One registry per
 * application context, found with {@link #of}. The ten product task types of the spec are known by name; one the
 * catalog does not declare yet is a clear 4xx at submission.
 */
public final class TaskTypes {
    public static final String BEAN = "lunaTaskTypes";
    /** The product's task types (spec); built by later work, each in its own module. */
    public static final List<String> PRODUCT_TYPES = List.of("code-analysis", "requirements-generation",
            "design-architecture", "app-generation-openai", "app-generation-google", "mobile-generation-expo",
            "mobile-generation-swift", "cloud-migration-cloudflare", "project-organization", "ai-integration");

    private final Map<String, TaskType> types = new ConcurrentHashMap<>();

    public static TaskTypes of(GenericApplicationContext context) {
        synchronized (context) {
            if (context.getBeanFactory().containsSingleton(BEAN)) return (TaskTypes) context.getBeanFactory().getSingleton(BEAN);
            var registry = declared(Catalog.load());
            context.getBeanFactory().registerSingleton(BEAN, registry);
            return registry;
        }
    }

    /** A registry holding the types {@code catalog} declares, without handlers. */
    public static TaskTypes declared(Catalog catalog) {
        var registry = new TaskTypes();
        for (var e : catalog.taskWorkers().entrySet()) {
            var task = e.getValue().task();
            if (task == null) continue;
            var type = new TaskType(e.getKey(), task.description(), null, Duration.ofSeconds(task.timeoutSeconds()), null);
            registry.types.put(type.name(), task.payloadSchema() == null ? type : type.withSchema(Catalog.taskPayloadSchema(task.payloadSchema())));
        }
        return registry;
    }

    /**
     * Adds a type. A type the catalog declares takes its handler from {@code type} and keeps the catalog's description,
     * schema and timeout; any other name may be registered once.
     */
    public TaskTypes register(TaskType type) {
        types.compute(type.name(), (name, previous) -> {
            if (previous == null) return type;
            if (previous.handler() == null && type.handler() != null) return previous.withHandler(type.handler());
            if (previous == type) return previous;
            throw new IllegalStateException("task type " + name + " is registered twice");
        });
        return this;
    }

    /** The type with a handler in this container (its worker runs here), if any. */
    public Optional<TaskType> runnable(String name) {
        return find(name).filter(t -> t.handler() != null);
    }

    public Optional<TaskType> find(String name) {
        return Optional.ofNullable(name == null ? null : types.get(name));
    }

    public List<String> names() {
        return types.keySet().stream().sorted().toList();
    }

    /** The type to submit, or the 4xx that explains why it cannot be: unknown, or known but not available yet. */
    public TaskType require(String name) {
        var type = types.get(name);
        if (type != null) return type;
        if (PRODUCT_TYPES.contains(name)) {
            throw new LunaException(ErrorCode.TASK_TYPE_NOT_AVAILABLE, "Task type '" + name + "' is not available on this platform yet",
                    Map.of("type", name, "available", names()));
        }
        throw new ValidationException("type", "'" + name + "' is not a known task type; available: " + names());
    }
}
