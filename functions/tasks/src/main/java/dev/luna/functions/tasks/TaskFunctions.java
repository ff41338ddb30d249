package dev.luna.functions.tasks;

import dev.luna.http.HttpFunctions;
import dev.luna.http.ModuleCollaborators;
import dev.luna.http.Platform;
import dev.luna.http.PlatformHolder;
import dev.luna.sources.GitSettings;
import dev.luna.sources.SourceLimits;
import dev.luna.sources.SourceValidator;
import dev.luna.tasks.QueueFunctions;
import dev.luna.tasks.TaskLifecycle;
import dev.luna.tasks.TaskQueues;
import dev.luna.tasks.TaskTypes;
import dev.luna.tasks.TaskWorkers;
import dev.luna.tasks.WebhookSigner;
import dev.luna.tasks.routing.AgentRouting;
import dev.luna.tasks.store.TaskSettings;
import dev.luna.tasks.store.TaskStores;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The tasks module: the task, queue and dead-letter APIs,
 * submission-queue ingest, webhook delivery, and the {@code health-check} and {@code cache-cleanup} schedules. Task
 * types are found in the context's {@link TaskTypes} registry, where product modules (and tests) register them with
 * their worker functions ({@link TaskWorkers}).
 */
public final class TaskFunctions implements ApplicationContextInitializer<GenericApplicationContext> {
    public static final String WEBHOOK_SECRET = "LUNA_WEBHOOK_SECRET";
    public static final String WEBHOOK_ALLOW_PRIVATE = "LUNA_WEBHOOK_ALLOW_PRIVATE_HOSTS";
    /** How often a task's event stream reads the task while it waits for a change (milliseconds, default 200). */
    public static final String EVENTS_POLL_MS = "LUNA_TASK_EVENTS_POLL_MS";

    @Override
    public void initialize(GenericApplicationContext context) {
        Platform platform = PlatformHolder.of(context);
        var config = platform.config();
        var clock = platform.clock();
        var types = TaskTypes.of(context);
        var stores = TaskStores.create(platform.aws());
        var queues = new TaskQueues(platform.aws());
        var lifecycle = new TaskLifecycle(stores, queues, clock);
        ModuleCollaborators.apply(context, "tasks"); // the agents module's routing (AgentRoutingInitializer)
        java.util.function.Supplier<AgentRouting> agents = new dev.luna.core.Lazy<>(() -> AgentRouting.of(context));
        var sources = new PayloadSources(new SourceValidator(GitSettings.from(name -> config.setting(name, null), name -> null), SourceLimits.DEFAULTS));
        var tasks = new TaskService(lifecycle, types, sources, agents, clock, platform.ids(),
                Boolean.parseBoolean(config.setting(WEBHOOK_ALLOW_PRIVATE, "false")));
        HttpFunctions.register(context, "tasks", platform, new TaskHandlers(tasks, new QueueService(lifecycle, types, clock), new TaskArtifacts(stores.objects()),
                new TaskEventStream(java.time.Duration.ofMillis(platform.config().longSetting(EVENTS_POLL_MS, 200)))).byBean());

        var queueHandlers = new LinkedHashMap<String, QueueFunctions.BatchHandler>();
        queueHandlers.put("tasksIngest", new Ingest(tasks, queues)::handle);
        queueHandlers.put("tasksWebhook", new WebhookDelivery(stores.tasks(), queues, signer(config.setting(WEBHOOK_SECRET, null), stores.settings()), clock,
                new dev.luna.realtime.push.PushNotifier(new dev.luna.realtime.push.DeviceStore(platform.aws()),
                        dev.luna.realtime.push.ExpoPush.from(config)))::handle);

        var health = new HealthCheck(agents, lifecycle, clock, Duration.ofSeconds(config.longSetting(HealthCheck.STUCK_GRACE, 60)),
                Duration.ofSeconds(config.longSetting(HealthCheck.REQUEUE_AFTER, 900)));
        platform.primeAsync(TaskFunctions::warmUpJson);
        QueueFunctions.register(context, "tasks", queueHandlers, Map.of(
                "healthCheck", health::run,
                "cacheCleanup", event -> {
                    var r = stores.cache().cleanExpired(clock.instant(), 100_000);
                    return Map.of("scanned", r.scanned(), "deleted", r.deleted(), "more", r.more());
                }));
    }

    /** The webhook signer: LUNA_WEBHOOK_SECRET, or a secret generated once and kept in the tasks table. */
    private static Supplier<WebhookSigner> signer(String configured, TaskSettings settings) {
        return new dev.luna.core.Lazy<>(() -> new WebhookSigner(configured != null ? configured
                : settings.getOrCreate("webhook-secret", new dev.luna.core.Ids(java.time.Clock.systemUTC()).secret(32))));
    }

    /** Binds the task records once, so the first invocation does not pay for Jackson's introspection. */
    static void warmUpJson() {
        var b = new dev.luna.tasks.Task.Builder();
        b.id = "tsk_warmup";
        b.projectId = "default";
        b.type = "echo";
        b.priority = dev.luna.tasks.Priority.NORMAL;
        b.payload = dev.luna.core.Json.object();
        b.status = dev.luna.tasks.TaskStatus.QUEUED;
        b.retry = dev.luna.tasks.RetrySettings.DEFAULT;
        b.createdAt = java.time.Instant.EPOCH;
        b.updatedAt = java.time.Instant.EPOCH;
        var task = b.build();
        dev.luna.core.Json.readTrusted(dev.luna.core.Json.write(task), dev.luna.tasks.Task.class);
        dev.luna.core.Json.write(task.view());
        dev.luna.core.Json.readTrusted("{\"taskId\":\"tsk_warmup\",\"generation\":1}", dev.luna.tasks.TaskMessage.class);
    }
}
