package dev.luna.workers.kit;

import dev.luna.codebase.secrets.SecretScanner;
import dev.luna.core.Lazy;
import dev.luna.http.Platform;
import dev.luna.http.PlatformHolder;
import dev.luna.llm.Gateways;
import dev.luna.llm.LlmGateway;
import dev.luna.sources.Checkouts;
import dev.luna.sources.GitSettings;
import dev.luna.sources.SourceLimits;
import dev.luna.tasks.TaskWorkers;
import dev.luna.tasks.store.TaskStores;
import org.springframework.context.support.GenericApplicationContext;

/**
 * What a container's task-type workers share, made at first use: source checkouts (limits, git settings and tokens
 * from the configuration), the model gateway (provider keys, budgets, usage accounting) and the task stores. A worker
 * module registers its type with {@link #register}: the handler gets a {@link TaskRun} per task, closed (checkout
 * deleted) when the handler returns.
 */
public final class WorkerKit {
    private static final String BEAN = "lunaWorkerKit";
    private final Platform platform;
    private final Lazy<Checkouts> checkouts;
    private final Lazy<LlmGateway> gateway;
    private final Lazy<TaskStores> stores;
    private final SecretScanner secrets = new SecretScanner();

    WorkerKit(Platform platform) {
        this.platform = platform;
        var config = platform.config();
        this.checkouts = new Lazy<>(() -> new Checkouts(GitSettings.of(platform.config()), SourceLimits.DEFAULTS, platform.aws()));
        this.gateway = new Lazy<>(() -> Gateways.create(config, platform.aws(), platform.clock()));
        this.stores = new Lazy<>(() -> TaskStores.create(platform.aws()));
    }

    public static WorkerKit of(GenericApplicationContext context) {
        synchronized (context) {
            var factory = context.getBeanFactory();
            if (factory.containsSingleton(BEAN)) return (WorkerKit) factory.getSingleton(BEAN);
            var kit = new WorkerKit(PlatformHolder.of(context));
            factory.registerSingleton(BEAN, kit);
            return kit;
        }
    }

    /** Registers the handler of a catalog-declared task type and its worker function. */
    public static void register(GenericApplicationContext context, String type, TypeHandler handler) {
        var kit = of(context);
        TaskWorkers.register(context, type, (payload, taskContext) -> {
            try (var run = new TaskRun(payload, taskContext, kit, kit.platform.clock())) {
                return handler.run(run);
            }
        });
    }

    Checkouts checkouts() {
        return checkouts.get();
    }

    LlmGateway gateway() {
        return gateway.get();
    }

    TaskStores stores() {
        return stores.get();
    }

    /** The platform's secret detector (rules loaded once): what masks every passage that leaves the worker. */
    public SecretScanner secrets() {
        return secrets;
    }
}
