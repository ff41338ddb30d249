package dev.luna.functions.agents;

import dev.luna.core.Semver;
import dev.luna.core.Violations;
import java.util.regex.Pattern;

/**
 * The versioned part of an agent: what a version record captures and what a rollback restores.
 * Also the body of {@code POST /api/v1/agents}.
 */
public record AgentSpec(String name, String type, String version, String description, AgentConfig config,
                        ResourceQuota resourceQuota) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{0,99}");
    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9-]{0,63}");

    /** Checks a complete spec (registration, or the result of applying an update). */
    void validate() {
        var v = new Violations();
        if (v.required(name, "name")) v.text(name, "name", 100, NAME, "must be 1-100 letters, digits, spaces or . _ - and start with a letter or digit");
        if (v.required(type, "type")) v.text(type, "type", 64, TYPE, "must be 1-64 lowercase letters, digits or -, starting with a letter (e.g. task-executor)");
        if (v.required(version, "version") && !Semver.isValid(version)) v.add("version", "must be a semantic version like 1.2.3");
        if (description != null && description.length() > 1000) v.add("description", "must be at most 1000 characters");
        if (v.required(config, "config")) config.validate(v);
        if (resourceQuota != null) resourceQuota.validate(v);
        v.throwIfAny();
    }

    AgentSpec withDefaults() {
        return new AgentSpec(name.trim(), type, version, description, config.withDefaults(),
                (resourceQuota != null ? resourceQuota : ResourceQuota.DEFAULT).withDefaults());
    }
}
