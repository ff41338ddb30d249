package dev.luna.workers.kit;

import dev.luna.core.Json;
import dev.luna.core.LunaException;
import dev.luna.llm.ChatCall;
import dev.luna.llm.ChatMessage;
import dev.luna.llm.LlmGateway;
import dev.luna.llm.ProviderException;
import dev.luna.llm.UsageContext;
import dev.luna.tasks.PayloadSchema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * A task's way to the model gateway: every call attributed to the task, its agent and project (so budgets and usage
 * apply), asking for structured output that is validated before it is used. The deterministic result stands whenever
 * no real provider is configured (the offline {@code local} provider does not count: it would only echo), a budget
 * refuses the call, the provider fails or the answer does not fit its schema; {@link #report} says which, as the
 * result's {@code model} block.
 */
public final class ModelAccess {
    private final LlmGateway gateway;
    private final UsageContext usage;
    private final List<String> providers;
    private final List<String> failures = new ArrayList<>();
    private final TreeSet<String> models = new TreeSet<>();
    private int calls, accepted, inputTokens, outputTokens;
    private BigDecimal cost = BigDecimal.ZERO;

    public ModelAccess(LlmGateway gateway, UsageContext usage) {
        this.gateway = gateway;
        this.usage = usage;
        this.providers = gateway == null ? List.of() : gateway.configuredProviders().stream().filter(p -> !p.equals("local")).toList();
    }

    /** Whether a real model provider is configured for this deployment. */
    public boolean available() {
        return !providers.isEmpty();
    }

    /**
     * Asks for a JSON object that {@code schema} accepts; empty (with the reason recorded) when the model is not
     * available, a budget or the provider refuses, or the answer is not valid JSON of that shape.
     */
    public Optional<JsonNode> json(String system, String user, PayloadSchema schema, int maxTokens) {
        if (!available()) return Optional.empty();
        calls++;
        try {
            var call = new ChatCall(List.of(ChatMessage.system(system), ChatMessage.user(user)), maxTokens, 0.2, null, null, true, null, usage);
            var result = gateway.chat(call);
            models.add(result.provider() + "/" + result.model());
            inputTokens += result.usage().inputTokens();
            outputTokens += result.usage().outputTokens();
            if (result.costUsd() != null) cost = cost.add(result.costUsd());
            JsonNode answer = Json.tree(stripFences(result.text()));
            var violations = schema.validate(answer, "answer");
            if (!violations.isEmpty()) {
                failures.add("an answer did not fit its schema (" + violations.get(0).field() + " " + violations.get(0).message() + ")");
                return Optional.empty();
            }
            accepted++;
            return Optional.of(answer);
        } catch (LunaException e) {
            failures.add(e.code().name() + ": " + e.getMessage());
        } catch (ProviderException e) {
            failures.add("provider error: " + e.getMessage());
        } catch (RuntimeException e) {
            failures.add("unusable answer: " + e.getClass().getSimpleName());
        }
        return Optional.empty();
    }

    /** The result's {@code model} block: whether a model improved the result, and what it cost. */
    public Map<String, Object> report() {
        var out = new LinkedHashMap<String, Object>();
        out.put("used", accepted > 0);
        if (!available()) {
            out.put("reason", "no model provider is configured (set LUNA_OPENAI_API_KEY, LUNA_ANTHROPIC_API_KEY, LUNA_DEEPSEEK_API_KEY or "
                    + "LUNA_GEMINI_API_KEY); the deterministic result is complete without one");
            return out;
        }
        if (accepted == 0) out.put("reason", calls == 0 ? "nothing to enhance" : "no answer was usable; the deterministic text stands");
        out.put("calls", calls);
        out.put("accepted", accepted);
        out.put("models", List.copyOf(models));
        out.put("inputTokens", inputTokens);
        out.put("outputTokens", outputTokens);
        out.put("costUsd", cost);
        if (!failures.isEmpty()) out.put("failures", failures.stream().distinct().limit(5).toList());
        return out;
    }

    /** Models often wrap JSON in a Markdown code fence. */
    static String stripFences(String text) {
        String t = text == null ? "" : text.strip();
        if (t.startsWith("```")) {
            int nl = t.indexOf('\n');
            int end = t.lastIndexOf("```");
            if (nl > 0 && end > nl) t = t.substring(nl + 1, end).strip();
        }
        return t;
    }
}
