package dev.luna.workers.aiintegration.cost;

import dev.luna.llm.ModelCatalog;
import dev.luna.llm.ModelSpec;
import dev.luna.workers.aiintegration.find.Kind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the features would cost per month through Luna's gateway, priced from the gateway's own model catalog
 * ({@code luna/llm/models.json} in {@code shared/llm}, the built-in version, so the estimate is reproducible): requests
 * per month × (input tokens × input price + output tokens × output price) / 1,000,000, for each kind's models.
 */
public final class CostEstimate {
    private static final ModelCatalog CATALOG = ModelCatalog.load(null);
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    /** One priced row: a kind at its volume on one model. */
    public record Row(String kind, String title, long requestsPerMonth, int inputTokens, int outputTokens, String model, String provider,
                      BigDecimal inputPrice, BigDecimal outputPrice, BigDecimal monthlyUsd, boolean recommended) {
    }

    /** The rows, and the monthly total with each kind's recommended model. */
    public record Estimate(String catalogVersion, List<Row> rows, BigDecimal recommendedTotalUsd) {
    }

    private CostEstimate() {
    }

    public static Estimate of(List<Kind> kinds, Map<String, Long> volumes, long defaultVolume) {
        var rows = new ArrayList<Row>();
        BigDecimal total = BigDecimal.ZERO;
        for (var kind : kinds) {
            long requests = volumes.getOrDefault(kind.id(), defaultVolume);
            boolean first = true;
            for (String id : kind.models()) {
                ModelSpec spec = CATALOG.find(id).orElse(null);
                if (spec == null) continue;
                BigDecimal perRequest = spec.prices().input().multiply(BigDecimal.valueOf(kind.inputTokens()))
                        .add(spec.prices().output().multiply(BigDecimal.valueOf(kind.outputTokens())));
                BigDecimal monthly = perRequest.multiply(BigDecimal.valueOf(requests)).divide(MILLION, 2, RoundingMode.HALF_UP);
                rows.add(new Row(kind.id(), kind.title(), requests, kind.inputTokens(), kind.outputTokens(), spec.id(), spec.provider(),
                        plain(spec.prices().input()), plain(spec.prices().output()), monthly, first));
                if (first) total = total.add(monthly);
                first = false;
            }
        }
        return new Estimate(CATALOG.version(), List.copyOf(rows), total.setScale(2, RoundingMode.HALF_UP));
    }

    private static BigDecimal plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 2 ? s.setScale(2, RoundingMode.UNNECESSARY) : s;
    }
}
