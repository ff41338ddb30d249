package dev.luna.functions.agents;

/** Filters of the agent list; null means "any". */
record AgentQuery(String projectId, String type, AgentStatus status, AgentHealth.Status health, String capability,
                  String namePrefix) {

    boolean matches(Agent agent, AgentHealth agentHealth) {
        return (type == null || type.equals(agent.type()))
                && (status == null || status == agent.status())
                && (capability == null || agent.config().capabilities().contains(capability))
                && (health == null || health == agentHealth.status());
    }
}
