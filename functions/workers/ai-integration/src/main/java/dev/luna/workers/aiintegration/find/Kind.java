package dev.luna.workers.aiintegration.find;

import java.util.List;

/**
 * One AI feature this type looks for (a row of {@code rules/kinds.json}).
 *
 * @param id           {@code semantic-search}, {@code text-classification}, {@code summarisation}, {@code support-assistant},
 *                     {@code form-autofill} or {@code anomaly-explanation}
 * @param feature      the generated function's name ({@code summarise}…)
 * @param sample       a valid model answer (tests of the generated code use it)
 * @param value        1..5: what users gain
 * @param effort       1..5: the base effort of wiring it in
 * @param tier         the gateway's complexity tier the feature needs ({@code simple}, {@code medium})
 * @param inputTokens  typical input tokens of one request
 * @param outputTokens typical output tokens of one request
 * @param models       catalog model ids the cost table prices, the recommendation first
 * @param why          why this evidence is an opportunity
 * @param design       how the generated integration works, and its fallback
 */
public record Kind(String id, String title, String feature, String sample, int value, int effort, String tier, int inputTokens, int outputTokens,
                   List<String> models, String why, String design) {
    public Kind {
        models = List.copyOf(models);
    }
}
