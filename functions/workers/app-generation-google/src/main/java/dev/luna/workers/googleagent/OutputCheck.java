package dev.luna.workers.googleagent;

import dev.luna.core.Json;
import dev.luna.tasks.PayloadSchema;
import dev.luna.workers.googleagent.plan.AgentPlan;
import dev.luna.workers.googleagent.render.AdkProject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The validate step: agent-card.json against the A2A v1.0 card schema (transcribed from {@code @a2a-js/sdk}'s types),
 * conversation.json against its schema, and the ADK project's invariants (a {@code run:} line in the README, one
 * FunctionTool per tool, pinned versions, the served card equal to the artifact, no unfilled template slot).
 */
final class OutputCheck {
    static final PayloadSchema CARD_SCHEMA = schema("agent-card.schema.json");
    static final PayloadSchema CONVERSATION_SCHEMA = schema("conversation.schema.json");
    private static final Pattern RUN_LINE = Pattern.compile("(?m)^run: \\S.*$");
    private static final Pattern UNPINNED = Pattern.compile("<version>\\s*(LATEST|RELEASE|\\[|\\(|[^<]*SNAPSHOT)");

    private OutputCheck() {
    }

    static List<String> problems(AgentPlan plan, String cardJson, String conversationJson, Map<String, String> project) {
        var out = new ArrayList<String>();
        CARD_SCHEMA.validate(Json.tree(cardJson), "agent-card.json").forEach(v -> out.add("agent-card.json: " + v.message()));
        CONVERSATION_SCHEMA.validate(Json.tree(conversationJson), "conversation.json").forEach(v -> out.add("conversation.json: " + v.message()));
        String readme = project.getOrDefault(AdkProject.ROOT + "README.md", "");
        if (!RUN_LINE.matcher(readme).find()) out.add("adk-java/README.md has no 'run: <command>' line");
        String tools = project.getOrDefault(AdkProject.ROOT + "src/main/java/agent/ApiTools.java", "");
        for (var t : plan.tools()) {
            if (!tools.contains("FunctionTool.create(this, \"" + t.name() + "\", " + t.confirm() + ")")) out.add("ApiTools.java lacks the tool " + t.name());
        }
        if (UNPINNED.matcher(project.getOrDefault(AdkProject.ROOT + "pom.xml", "")).find()) out.add("adk-java/pom.xml has an unpinned version");
        if (!cardJson.equals(project.get(AdkProject.ROOT + "src/main/resources/agent-card.json"))) out.add("the served card differs from agent-card.json");
        if (project.get(AdkProject.ROOT + "src/main/resources/instruction.md").matches("(?s).*[{}].*")) out.add("instruction.md has braces, which ADK reads as state placeholders");
        for (var e : project.entrySet()) if (e.getValue().contains("{{")) out.add(e.getKey() + " has an unfilled template slot");
        return out;
    }

    private static PayloadSchema schema(String name) {
        try (InputStream in = OutputCheck.class.getResourceAsStream("/schemas/" + name)) {
            return PayloadSchema.of(Json.tree(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
