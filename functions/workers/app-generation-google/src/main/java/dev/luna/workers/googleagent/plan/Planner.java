package dev.luna.workers.googleagent.plan;

import dev.luna.workers.googleagent.input.ApiDescription;
import dev.luna.workers.googleagent.input.ApiOperation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/**
 * The plan: operations chosen ({@link OperationSelection}), each designed as a tool ({@link ToolDesigner}) and placed in
 * a skill: the capability (option) whose words it shares most, else its resource (first meaningful path segment).
 */
public final class Planner {
    private static final Set<String> NOT_RESOURCES = Set.of("api", "apis", "rest", "v1", "v2", "v3", "v4", "public", "internal");

    public AgentPlan plan(ApiDescription api, AgentOptions options, String projectName) {
        var selection = OperationSelection.select(api.operations(), options);
        String titled = api.title() == null ? "" : api.title().replaceAll("[<>&\"`\\\\{}|]", " ").replaceAll("\\s+", " ").strip();
        String appName = options.appName() != null ? options.appName().strip() : !titled.isEmpty() ? Words.clip(titled, 60) : projectName;
        String appId = Words.slug(appName);
        String agentName = String.join("_", Words.split(appName)) + "_agent";
        if (Character.isDigit(agentName.charAt(0))) agentName = "a_" + agentName;
        var notes = new ArrayList<>(api.notes());
        var taken = new HashSet<String>();
        var tools = new ArrayList<Tool>();
        var skillIds = new LinkedHashMap<String, String>(); // skill id -> display name
        for (ApiOperation op : selection.chosen()) {
            String skillName = skillName(op, options.capabilities());
            String skillId = Words.slug(skillName);
            skillIds.putIfAbsent(skillId, skillName);
            tools.add(ToolDesigner.design(op, taken, skillId));
        }
        var skills = new ArrayList<Skill>();
        for (var capability : options.capabilities()) {
            if (!skillIds.containsKey(Words.slug(capability))) notes.add("capability '" + capability + "' matched no operation, so it has no skill on the card");
        }
        for (var e : skillIds.entrySet()) skills.add(skill(e.getKey(), e.getValue(), tools));
        skills.sort(java.util.Comparator.comparing(Skill::id));
        String description = description(appName, api, tools);
        return new AgentPlan(appName, appId, agentName, description, options, api.origin(), api.document(), tools, skills,
                selection.leftOut(), notes.stream().sorted().distinct().toList());
    }

    static String skillName(ApiOperation op, List<String> capabilities) {
        var words = new HashSet<String>();
        for (String w : Words.split(op.path() + " " + (op.id() == null ? "" : op.id()) + " " + op.summary())) words.add(Words.singular(w));
        String best = null;
        int bestScore = 0;
        for (String c : capabilities) {
            int score = 0;
            for (String w : Words.split(c)) if (words.contains(Words.singular(w))) score++;
            if (score > bestScore) {
                best = c;
                bestScore = score;
            }
        }
        if (best != null) return best;
        for (String segment : ToolDesigner.segments(op.path())) {
            if (!ToolDesigner.isParam(segment) && !NOT_RESOURCES.contains(segment.toLowerCase(java.util.Locale.ROOT)) && !Words.phrase(segment).isEmpty()) {
                return Words.capitalise(Words.phrase(segment));
            }
        }
        return "General";
    }

    private static Skill skill(String id, String name, List<Tool> tools) {
        var mine = tools.stream().filter(t -> t.skill().equals(id)).toList();
        var titles = mine.stream().map(t -> t.title().toLowerCase(java.util.Locale.ROOT)).toList();
        String description = Words.clip(Words.capitalise(String.join(", ", titles)) + " through the API ("
                + mine.size() + (mine.size() == 1 ? " operation" : " operations") + (mine.stream().anyMatch(Tool::confirm) ? "; changes are confirmed first" : "")
                + ").", 500);
        var tags = new ArrayList<String>();
        tags.add(id);
        tags.add(mine.stream().allMatch(Tool::readOnly) ? "read-only" : "read-write");
        var examples = new ArrayList<String>();
        for (var t : mine) if (examples.size() < 3) examples.add(t.utterances().get(0));
        return new Skill(id, name, description, tags, examples, mine.stream().map(Tool::name).toList());
    }

    private static String description(String appName, ApiDescription api, List<Tool> tools) {
        if (api.summary() != null && !api.summary().isBlank()) return Words.clip(api.summary(), 300);
        var resources = new java.util.TreeSet<String>();
        for (var t : tools) for (String s : ToolDesigner.segments(t.path())) if (!ToolDesigner.isParam(s) && !NOT_RESOURCES.contains(s) && !Words.phrase(s).isEmpty()) {
            resources.add(Words.phrase(s));
            break;
        }
        return Words.clip("An agent for the " + appName + " API: it answers questions and carries out requests about "
                + String.join(", ", resources) + " by calling the API's " + tools.size() + (tools.size() == 1 ? " operation" : " operations")
                + ", and asks before it changes anything.", 300);
    }
}
