package dev.luna.functions.agents;

import dev.luna.core.Violations;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Runtime configuration of an agent.
 *
 * @param timeout maximum execution time of one task, in milliseconds
 */
public record AgentConfig(Runtime runtime, Long timeout, RetryPolicy retryPolicy, Map<String, String> environment,
                          List<String> capabilities, List<String> dependencies) {
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");
    private static final Pattern CAPABILITY = Pattern.compile("[a-z0-9][a-z0-9.:_-]{0,63}");

    AgentConfig withDefaults() {
        return new AgentConfig(runtime, timeout != null ? timeout : 300_000L,
                (retryPolicy != null ? retryPolicy : RetryPolicy.DEFAULT).withDefaults(),
                environment != null ? Map.copyOf(environment) : Map.of(),
                capabilities != null ? capabilities.stream().distinct().toList() : List.of(),
                dependencies != null ? List.copyOf(dependencies) : List.of());
    }

    void validate(Violations v) {
        v.required(runtime, "config.runtime");
        v.range(timeout, "config.timeout", 1_000, 900_000);
        if (retryPolicy != null) retryPolicy.validate(v, "config.retryPolicy");
        if (environment != null) {
            v.size(environment.keySet(), "config.environment", 50);
            environment.forEach((k, val) -> {
                if (!ENV_NAME.matcher(k).matches()) v.add("config.environment." + k, "is not a valid variable name");
                else if (val == null) v.add("config.environment." + k, "must not be null");
                else if (val.length() > 4096) v.add("config.environment." + k, "must be at most 4096 characters");
            });
        }
        if (capabilities != null) {
            v.size(capabilities, "config.capabilities", 50);
            for (int i = 0; i < capabilities.size(); i++) {
                String c = capabilities.get(i);
                if (c == null || !CAPABILITY.matcher(c).matches()) {
                    v.add("config.capabilities[" + i + "]", "must be 1-64 lowercase letters, digits or . : _ - (e.g. code-analysis)");
                }
            }
        }
        if (dependencies != null) {
            v.size(dependencies, "config.dependencies", 50);
            for (int i = 0; i < dependencies.size(); i++) {
                String d = dependencies.get(i);
                if (d == null || d.isBlank() || d.length() > 200) v.add("config.dependencies[" + i + "]", "must be 1-200 characters");
            }
        }
    }
}
