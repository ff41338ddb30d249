package dev.luna.workers.aiintegration;

import dev.luna.workers.aiintegration.cost.CostEstimate;
import dev.luna.workers.aiintegration.find.Opportunity;
import dev.luna.workers.aiintegration.gen.Layout;
import dev.luna.workers.aiintegration.gen.Target;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Everything one run found and generated.
 *
 * @param complete      false when the analysis stopped early (timeout or cancel): what it has is still valid
 * @param summary       counts about the analysed project
 * @param opportunities ranked, capped
 * @param more          ranked opportunities left out by the cap
 * @param patchKinds    the features the patch implements, in rank order (empty: no patch)
 * @param files         the patch's files, path → content
 * @param patch         the unified diff ("" when none)
 */
public record IntegrationReport(boolean complete, Map<String, Object> summary, Target target, Layout layout, List<Opportunity> opportunities,
                                int more, List<String> patchKinds, SortedMap<String, String> files, String patch, CostEstimate.Estimate cost,
                                String modelNote) {
    public IntegrationReport {
        opportunities = List.copyOf(opportunities);
        patchKinds = List.copyOf(patchKinds);
    }

    public IntegrationReport withOpportunities(List<Opportunity> rewritten, String note) {
        return new IntegrationReport(complete, summary, target, layout, rewritten, more, patchKinds, files, patch, cost, note);
    }
}
