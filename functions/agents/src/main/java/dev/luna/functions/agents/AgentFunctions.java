package dev.luna.functions.agents;

import dev.luna.http.HttpFunctions;
import dev.luna.http.Platform;
import dev.luna.http.PlatformHolder;
import java.time.Duration;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The agents module's functions, registered functionally (no scanning). This class is the module's
 * {@code MAIN_CLASS} in Lambda; the local runtime applies it to its shared context.
 */
public final class AgentFunctions implements ApplicationContextInitializer<GenericApplicationContext> {
    public static final String DEGRADED_AFTER = "LUNA_AGENT_DEGRADED_AFTER_SECONDS";
    public static final String UNHEALTHY_AFTER = "LUNA_AGENT_UNHEALTHY_AFTER_SECONDS";

    @Override
    public void initialize(GenericApplicationContext context) {
        Platform platform = PlatformHolder.of(context);
        var config = platform.config();
        var policy = new HealthPolicy(Duration.ofSeconds(config.longSetting(DEGRADED_AFTER, 60)),
                Duration.ofSeconds(config.longSetting(UNHEALTHY_AFTER, 180)));
        var service = new AgentService(new AgentRepository(platform.aws()), platform.clock(), platform.ids(), policy);
        HttpFunctions.register(context, "agents", platform, new AgentHandlers(service).byBean());
    }
}
