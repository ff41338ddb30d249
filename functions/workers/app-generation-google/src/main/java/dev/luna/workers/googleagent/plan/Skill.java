package dev.luna.workers.googleagent.plan;

import java.util.List;

/** One skill on the Agent Card: a capability and the tools behind it. */
public record Skill(String id, String name, String description, List<String> tags, List<String> examples, List<String> tools) {
    public Skill {
        tags = List.copyOf(tags);
        examples = List.copyOf(examples);
        tools = List.copyOf(tools);
    }

    public Skill withDescription(String text) {
        return new Skill(id, name, text, tags, examples, tools);
    }
}
