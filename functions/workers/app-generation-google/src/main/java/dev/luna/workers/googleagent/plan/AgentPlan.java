package dev.luna.workers.googleagent.plan;

import java.util.List;

/**
 * Everything the renderers need, computed once: the agent's identity, its tools and skills, what was left out.
 *
 * @param appName     display name
 * @param appId       slug ({@code pet-clinic}), the Maven artifactId and ADK app name
 * @param agentName   ADK agent name (a Java-style identifier: {@code pet_clinic_agent})
 * @param description one or two sentences for the card and the agent
 * @param origin      {@code openapi} or {@code code}
 * @param document    the OpenAPI document's path, or null
 * @param leftOut     operations not made into tools ({@code METHOD /path: reason}), sorted
 * @param notes       remarks for the result (reading problems, capabilities without operations), sorted
 */
public record AgentPlan(String appName, String appId, String agentName, String description, AgentOptions options, String origin, String document,
                        List<Tool> tools, List<Skill> skills, List<String> leftOut, List<String> notes) {
    public AgentPlan {
        tools = List.copyOf(tools);
        skills = List.copyOf(skills);
        leftOut = List.copyOf(leftOut);
        notes = List.copyOf(notes);
    }

    public AgentPlan with(List<Tool> newTools, List<Skill> newSkills, String newDescription) {
        return new AgentPlan(appName, appId, agentName, newDescription, options, origin, document, newTools, newSkills, leftOut, notes);
    }
}
