package dev.luna.tasks;

import dev.luna.core.ErrorCode;
import dev.luna.core.LunaException;
import dev.luna.core.ValidationException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The task types this container can run, registered programmatically (product modules and tests call
 * {@link #register}). One registry per application context, found with {@link #of}. The ten product task types
 * of the spec are known by name; until their modules register them, submitting one is a clear 4xx.
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
            var registry = new TaskTypes();
            context.getBeanFactory().registerSingleton(BEAN, registry);
            return registry;
        }
    }

    public TaskTypes register(TaskType type) {
        var previous = types.putIfAbsent(type.name(), type);
        if (previous != null && previous != type) throw new IllegalStateException("task type " + type.name() + " is registered twice");
        return this;
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
