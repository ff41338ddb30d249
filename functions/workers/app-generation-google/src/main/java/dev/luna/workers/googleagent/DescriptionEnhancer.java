package dev.luna.workers.googleagent;

import dev.luna.core.Json;
import dev.luna.tasks.PayloadSchema;
import dev.luna.workers.googleagent.plan.AgentPlan;
import dev.luna.workers.googleagent.plan.Skill;
import dev.luna.workers.googleagent.plan.Tool;
import dev.luna.workers.googleagent.plan.Words;
import dev.luna.workers.kit.ModelAccess;
import java.util.ArrayList;
import java.util.HashMap;

/**
 * With a model configured: rewrites the agent's, the skills' and the tools' descriptions for a model choosing tools,
 * inside the same structure and limits (the confirmation sentence of tools that change data is kept by us, not left
 * to the model). An answer that does not fit {@link #ANSWER} or does not cover exactly the names asked about is
 * dropped whole and the deterministic text stands.
 */
final class DescriptionEnhancer {
    private static final PayloadSchema ANSWER = PayloadSchema.of(Json.tree("""
            {"type": "object", "required": ["agent", "skills", "tools"], "additionalProperties": false,
             "properties": {
               "agent": {"type": "string", "minLength": 20, "maxLength": 300},
               "skills": {"type": "array", "items": {"type": "object", "required": ["id", "description"], "additionalProperties": false,
                 "properties": {"id": {"type": "string"}, "description": {"type": "string", "minLength": 10, "maxLength": 400}}}},
               "tools": {"type": "array", "items": {"type": "object", "required": ["name", "description"], "additionalProperties": false,
                 "properties": {"name": {"type": "string"}, "description": {"type": "string", "minLength": 10, "maxLength": 230}}}}}}
            """));
    private static final String SYSTEM = "You write tool and skill descriptions for an AI agent that calls a company's HTTP API. For each tool, "
            + "say in one or two sentences when to call it and what it returns, from the facts given only (method, path, parameters, types). "
            + "Do not mention confirmation; it is added separately. Answer with a JSON object {\"agent\": string, \"skills\": [{\"id\", "
            + "\"description\"}], \"tools\": [{\"name\", \"description\"}]} covering every id and name given, and nothing else.";

    record Outcome(AgentPlan plan, String note) {
    }

    Outcome enhance(ModelAccess model, String brief, AgentPlan plan) {
        if (!model.available()) return new Outcome(plan, null);
        var sb = new StringBuilder();
        if (brief != null && !brief.isBlank()) sb.append("Context from the user: ").append(brief.strip()).append("\n\n");
        sb.append("Agent: ").append(plan.appName()).append(". Current description: ").append(plan.description()).append("\n\nSkills:\n");
        for (Skill s : plan.skills()) sb.append("- ").append(s.id()).append(": ").append(s.description()).append('\n');
        sb.append("\nTools:\n");
        for (Tool t : plan.tools()) {
            sb.append("- ").append(t.name()).append(": ").append(t.method()).append(' ').append(t.path()).append("; inputs ");
            t.inputs().forEach(i -> sb.append(i.wire().isEmpty() ? "body" : i.wire()).append(' ').append(i.type()).append(i.required() ? " (required)" : "").append(", "));
            sb.append("current: ").append(t.description()).append('\n');
        }
        var answer = model.json(SYSTEM, sb.toString(), ANSWER, 3000);
        if (answer.isEmpty()) return new Outcome(plan, "A model was asked for better descriptions; its answer was not usable, so the deterministic text stands.");
        var tools = new HashMap<String, String>();
        answer.get().get("tools").forEach(n -> tools.put(n.get("name").asString(), n.get("description").asString().strip()));
        var skills = new HashMap<String, String>();
        answer.get().get("skills").forEach(n -> skills.put(n.get("id").asString(), n.get("description").asString().strip()));
        boolean complete = tools.size() == plan.tools().size() && plan.tools().stream().allMatch(t -> tools.containsKey(t.name()))
                && skills.size() == plan.skills().size() && plan.skills().stream().allMatch(s -> skills.containsKey(s.id()));
        if (!complete) return new Outcome(plan, "A model's descriptions did not cover exactly the tools and skills asked about; the deterministic text stands.");
        var newTools = new ArrayList<Tool>();
        for (Tool t : plan.tools()) {
            String tail = t.destructive() ? " Deletes or replaces data: confirm with the user first." : t.confirm() ? " Changes data: confirm with the user first." : "";
            newTools.add(t.withDescription(Words.clip(tools.get(t.name()).replace("{", "(").replace("}", ")"), 300 - tail.length()) + tail));
        }
        var newSkills = plan.skills().stream().map(s -> s.withDescription(skills.get(s.id()))).toList();
        String agent = answer.get().get("agent").asString().strip();
        return new Outcome(plan.with(newTools, newSkills, agent), "The agent's, skills' and tools' descriptions were written by a model from the "
                + "operations' method, path and inputs; names, inputs, confirmations and everything else are deterministic.");
    }
}
