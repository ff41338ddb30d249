package dev.luna.workers.aiintegration;

import dev.luna.workers.aiintegration.find.Opportunity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The task's result: summary, the opportunities, the patch (files, bytes, how to apply), the cost table, the model block. */
final class ResultDocument {
    private ResultDocument() {
    }

    static Map<String, Object> of(IntegrationReport r, IntegrationOptions options, Object artifacts, Map<String, Object> model, int patchBytes) {
        var out = new LinkedHashMap<String, Object>();
        var summary = new LinkedHashMap<String, Object>(r.summary());
        summary.put("complete", r.complete());
        summary.put("monthlyCostUsd", r.cost().recommendedTotalUsd());
        out.put("summary", summary);
        out.put("artifacts", artifacts);
        out.put("model", model);
        out.put("opportunities", r.opportunities().stream().map(ResultDocument::opportunity).toList());
        if (r.more() > 0) out.put("moreOpportunities", r.more());
        var patch = new LinkedHashMap<String, Object>();
        patch.put("language", r.target().language());
        patch.put("features", r.patchKinds());
        patch.put("files", r.files().keySet().stream().toList());
        patch.put("bytes", patchBytes);
        patch.put("apply", patchBytes == 0 ? (options.emitPatch() ? "nothing to add: no opportunity was found" : "options.emitPatch is false")
                : "git apply --check ai-integration.patch && git apply ai-integration.patch; then set LUNA_BASE_URL and LUNA_API_KEY");
        out.put("patch", patch);
        var cost = new LinkedHashMap<String, Object>();
        cost.put("catalogVersion", r.cost().catalogVersion());
        cost.put("defaultRequestsPerMonth", options.defaultVolume());
        cost.put("recommendedTotalUsd", r.cost().recommendedTotalUsd());
        cost.put("rows", r.cost().rows().stream().map(row -> {
            var m = new LinkedHashMap<String, Object>();
            m.put("kind", row.kind());
            m.put("requestsPerMonth", row.requestsPerMonth());
            m.put("inputTokens", row.inputTokens());
            m.put("outputTokens", row.outputTokens());
            m.put("model", row.model());
            m.put("inputUsdPerMTok", row.inputPrice());
            m.put("outputUsdPerMTok", row.outputPrice());
            m.put("monthlyUsd", row.monthlyUsd());
            m.put("recommended", row.recommended());
            return m;
        }).toList());
        out.put("cost", cost);
        return out;
    }

    private static Map<String, Object> opportunity(Opportunity o) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", o.id());
        m.put("kind", o.kind());
        m.put("title", o.title());
        m.put("subject", o.subject());
        m.put("value", o.value());
        m.put("effort", o.effort());
        m.put("score", o.score());
        m.put("evidence", o.evidence().stream().map(s -> Map.of("file", s.file(), "line", s.line(), "detail", s.detail())).toList());
        m.put("files", List.copyOf(o.files()));
        m.put("rationale", o.rationale());
        return m;
    }
}
