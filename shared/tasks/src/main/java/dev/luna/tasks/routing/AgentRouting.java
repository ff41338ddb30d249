package dev.luna.tasks.routing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.support.GenericApplicationContext;

/**
 * What the task domain needs to know of agents, implemented by the agents module: an agent by id, the running agents
 * of a project that have a capability (for routing), the health sweep of the scheduled {@code health-check}, and the
 * re-evaluation of one agent's health when one of its tasks ended.
 * The tasks module finds the implementation in its application context ({@link #of}); the agents module registers it
 * there, and a module whose functions route tasks names the agents module's initializer among its catalog
 * {@code collaborators} (applied by its own initializer, {@code ModuleCollaborators}), so its Lambda registers it too.
 */
public interface AgentRouting {
    /** The bean name under which the implementation is registered. */
    String BEAN = "lunaAgentRouting";

    Optional<AgentRef> find(String id);

    /** Running agents of the project with the capability, healthiest first, then by name. */
    List<AgentRef> runningWith(String projectId, String capability);

    /**
     * The agent a submission that names none goes to: a running agent of the project with the capability, chosen by
     * {@link LeastLoaded} (healthy before degraded, never unhealthy; room under its quota; least in flight; round-robin).
     * Empty when there is none.
     */
    Optional<AgentRef> pick(String projectId, String capability);

    /** Health of every non-deactivated agent, persisted where it changed. */
    HealthSweep sweepHealth();

    /**
     * Re-evaluates one agent's health after one of its tasks ended; when the verdict changed, persists it on the agent
     * (and announces it). True when it changed; false too for an agent that is gone or deactivated.
     */
    boolean recheckHealth(String agentId);

    /**
     * An agent as a task sees it. {@code retry*} is the agent's retry policy and {@code maxConcurrentTasks} its quota of
     * tasks running at once (defaults applied).
     */
    record AgentRef(String id, String projectId, String name, String version, String status, List<String> capabilities,
                    int maxAttempts, long initialDelayMs, double multiplier, long maxDelayMs, long timeoutMs,
                    String health, String healthReason, int maxConcurrentTasks) {
        public boolean isRunning() {
            return "running".equals(status);
        }
    }

    record HealthSweep(int checked, int changed, Map<String, Integer> byHealth) {
    }

    /** The context's implementation; a clear start-up error when no module registered one. */
    static AgentRouting of(GenericApplicationContext context) {
        if (!context.getBeanFactory().containsSingleton(BEAN)) {
            throw new IllegalStateException("no agent routing in this context: the agents module's AgentRoutingInitializer must run "
                    + "(a collaborator of the module in the catalog, applied by ModuleCollaborators)");
        }
        return (AgentRouting) context.getBeanFactory().getSingleton(BEAN);
    }
}
