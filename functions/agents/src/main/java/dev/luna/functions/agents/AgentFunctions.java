package dev.luna.functions.agents;

import dev.luna.http.EventFunctions;
import dev.luna.http.HttpFunctions;
import dev.luna.http.Platform;
import dev.luna.http.PlatformHolder;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The agents module's functions, registered functionally (no scanning). This class is the module's
 * {@code MAIN_CLASS} in Lambda; the local runtime applies it to its shared context.
 */
public final class AgentFunctions implements ApplicationContextInitializer<GenericApplicationContext> {
    public static final String DEGRADED_AFTER = "LUNA_AGENT_DEGRADED_AFTER_SECONDS";
    public static final String UNHEALTHY_AFTER = "LUNA_AGENT_UNHEALTHY_AFTER_SECONDS";
    public static final String HEALTH_WINDOW = "LUNA_AGENT_HEALTH_WINDOW_SECONDS";

    @Override
    public void initialize(GenericApplicationContext context) {
        Platform platform = PlatformHolder.of(context);
        var health = AgentDirectory.healthReader(platform.aws(), platform.clock());
        var stores = dev.luna.tasks.store.TaskStores.create(platform.aws());
        var meters = new AgentMeters(new AgentActivity(stores.tasks()), stores.slots(), new dev.luna.store.AgentDailyUsage(platform.aws()),
                platform.clock());
        var service = new AgentService(new AgentRepository(platform.aws()), platform.clock(), platform.ids(), health, meters);
        HttpFunctions.register(context, "agents", platform, new AgentHandlers(service).byBean());
        new AgentRoutingInitializer().initialize(context);
        // agents-health-watch: the tasks table's stream re-evaluates the health of an agent whose task ended
        EventFunctions.register(context, "agents", Map.of("agentsHealthWatch",
                new HealthWatch(dev.luna.tasks.routing.AgentRouting.of(context))::handle));
        platform.primeAsync(AgentFunctions::warmUpJson);
    }

    /** Binds the module's records once, so the first request does not pay for Jackson's introspection. */
    static void warmUpJson() {
        var config = new AgentConfig(Runtime.JAVA, null, null, null, null, null).withDefaults();
        var spec = new AgentSpec("warm-up", "warm-up", "1.0.0", null, config, null).withDefaults();
        var agent = new Agent("agt_warmup", "default", spec.name(), spec.type(), spec.version(), null, spec.config(),
                spec.resourceQuota(), AgentStatus.REGISTERED, 1, 1, java.time.Instant.EPOCH, java.time.Instant.EPOCH, "warm-up",
                null, null, null, null, null);
        dev.luna.core.Json.readTrusted(dev.luna.core.Json.write(agent), Agent.class);
        dev.luna.core.Json.readTrusted(dev.luna.core.Json.write(new Heartbeat(AgentHealth.Metrics.EMPTY, java.time.Instant.EPOCH)), Heartbeat.class);
    }
}
