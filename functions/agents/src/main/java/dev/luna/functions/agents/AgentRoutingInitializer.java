package dev.luna.functions.agents;

import dev.luna.http.PlatformHolder;
import dev.luna.tasks.routing.AgentRouting;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/**
 * Registers the agents module's {@link AgentRouting} (the {@link AgentDirectory}) in a context, once. The agents
 * module applies it itself; modules whose functions route tasks to agents name it among their catalog
 * {@code collaborators}, so their Lambdas (one module each) have it too without depending on this module's code.
 */
public final class AgentRoutingInitializer implements ApplicationContextInitializer<GenericApplicationContext> {
    @Override
    public void initialize(GenericApplicationContext context) {
        synchronized (context) {
            var factory = context.getBeanFactory();
            if (factory.containsSingleton(AgentRouting.BEAN)) return;
            var platform = PlatformHolder.of(context);
            factory.registerSingleton(AgentRouting.BEAN, AgentDirectory.create(platform.aws(), platform.clock()));
        }
    }
}
