package dev.luna.llm;

import dev.luna.core.metrics.Metrics;
import java.util.List;

/**
 * The gateway's metrics: per accounted provider call ({@link UsageRecord}), by provider and model, {@code LlmCalls},
 * the input, cached-input and output tokens and {@code LlmCostUsd}; per budget and budget-monitor run,
 * {@code TokenBudgetUtilization} (percent of the monthly limit spent).
 */
public final class LlmMetrics {
    private LlmMetrics() {
    }

    /** The usage records of one model call, as the gateway settles them (whether or not the accounting write succeeds). */
    public static void accounted(List<UsageRecord> records) {
        if (!Metrics.enabled()) return;
        for (var r : records) {
            Metrics.event().dimension("Provider", r.provider()).dimension("Model", r.model())
                    .value("LlmCalls", 1)
                    .value("LlmInputTokens", r.inputTokens())
                    .value("LlmCachedInputTokens", r.cachedInputTokens())
                    .value("LlmOutputTokens", r.outputTokens())
                    .value("LlmCostUsd", r.costUsd() == null ? 0 : r.costUsd().doubleValue())
                    .emit();
        }
    }

    /** One budget's state as the monitor saw it. */
    public static void budget(BudgetStatus status) {
        if (!Metrics.enabled() || status.utilization() == null) return;
        Metrics.event().value("TokenBudgetUtilization", status.utilization().doubleValue() * 100).emit();
    }
}
