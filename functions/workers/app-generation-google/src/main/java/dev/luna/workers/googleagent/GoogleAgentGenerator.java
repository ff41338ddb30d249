package dev.luna.workers.googleagent;

import dev.luna.codebase.ProjectModel;
import dev.luna.core.Json;
import dev.luna.workers.googleagent.input.ApiDescription;
import dev.luna.workers.googleagent.input.ApiSource;
import dev.luna.workers.googleagent.plan.AgentOptions;
import dev.luna.workers.googleagent.plan.AgentPlan;
import dev.luna.workers.googleagent.plan.Planner;
import dev.luna.workers.googleagent.render.AdkProject;
import dev.luna.workers.googleagent.render.AgentCardJson;
import dev.luna.workers.googleagent.render.ConversationJson;
import dev.luna.workers.googleagent.render.Docs;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Source → artifacts, without the task machinery (so tests and the benchmark call it directly): read the API
 * ({@link ApiSource}), plan, render every file, check. Deterministic: the same model and options give the same bytes.
 */
public final class GoogleAgentGenerator {
    public static final String CARD = "agent-card.json";
    public static final String CONVERSATION = "conversation.json";
    public static final String CONVERSATION_MD = "conversation.md";
    public static final String DEPLOYMENT = "deployment.md";
    public static final String PROJECT = "project.zip";
    private final ApiSource source;
    private final Planner planner = new Planner();

    public GoogleAgentGenerator(ApiSource source) {
        this.source = source;
    }

    /** The API and the plan; the plan is null when no API was found. */
    public record Planned(ApiDescription api, AgentPlan plan) {
    }

    /** Every artifact's text (project.zip's entries under adk-java/ as separate entries), and what the check found. */
    public record Output(AgentPlan plan, Map<String, String> artifacts, Map<String, String> project, java.util.List<String> problems) {
    }

    public Planned plan(Path root, ProjectModel model, AgentOptions options) {
        var api = source.describe(root, model);
        if (api.operations().isEmpty()) return new Planned(api, null);
        return new Planned(api, planner.plan(api, options, projectName(model)));
    }

    public Output render(AgentPlan plan) {
        String card = json(AgentCardJson.card(plan));
        var conversation = ConversationJson.conversation(plan);
        String conversationJson = json(conversation);
        var artifacts = new TreeMap<String, String>();
        artifacts.put(CARD, card);
        artifacts.put(CONVERSATION, conversationJson);
        artifacts.put(CONVERSATION_MD, Docs.conversation(plan, conversation));
        artifacts.put(DEPLOYMENT, Docs.deployment(plan));
        var project = AdkProject.files(plan, card);
        return new Output(plan, artifacts, project, OutputCheck.problems(plan, card, conversationJson, project));
    }

    static String json(Object value) {
        return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value) + "\n";
    }

    /** The first named build module (Maven artifactId, package.json name…), else "API". */
    static String projectName(ProjectModel model) {
        for (var m : model.modules()) {
            if (m.name() != null && !m.name().isBlank() && m.name().matches(".*[A-Za-z].*")) {
                String n = m.name().contains(":") ? m.name().substring(m.name().lastIndexOf(':') + 1) : m.name();
                n = n.replaceAll("^@[^/]+/", "");
                var words = new java.util.ArrayList<String>();
                for (String w : dev.luna.workers.googleagent.plan.Words.split(n)) words.add(dev.luna.workers.googleagent.plan.Words.capitalise(w));
                if (!words.isEmpty()) return String.join(" ", words);
            }
        }
        return "API";
    }
}
