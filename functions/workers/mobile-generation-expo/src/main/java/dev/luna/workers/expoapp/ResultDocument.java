package dev.luna.workers.expoapp;

import dev.luna.workers.expoapp.audit.HigAudit;
import dev.luna.designsystem.ContrastReport;
import dev.luna.designsystem.DesignTokens;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The task's result for both modes (≤ 256 KiB: long lists are cut and say so). */
final class ResultDocument {
    private static final int MAX_FINDINGS = 500;

    private ResultDocument() {
    }

    static Map<String, Object> generated(ExpoGenerator.Output app, ExpoOptions options, Object artifacts, Map<String, Object> modelReport,
                                         String modelNote, boolean complete) {
        var plan = app.plan();
        var api = plan.api();
        var out = new LinkedHashMap<String, Object>();
        var summary = new LinkedHashMap<String, Object>();
        summary.put("mode", "generate");
        summary.put("apiFound", plan.apiFound());
        summary.put("source", api.source());
        if (api.document() != null) summary.put("document", api.document());
        summary.put("title", api.title());
        summary.put("operations", plan.calls().size());
        summary.put("resources", plan.resources().size());
        summary.put("screens", app.files().keySet().stream().filter(f -> f.startsWith("app/") && !f.endsWith("_layout.tsx")).count());
        summary.put("files", app.files().size());
        summary.put("appName", plan.appName());
        summary.put("slug", plan.slug());
        summary.put("bundleId", plan.bundleId());
        summary.put("navigation", plan.resources().isEmpty() ? "stack" : options.navigation());
        summary.put("stateManagement", options.stateManagement());
        summary.put("offlineSupport", options.query() && options.offlineSupport());
        summary.put("pushNotifications", options.pushNotifications());
        summary.put("auth", plan.authNeeded());
        summary.put("authReason", plan.authReason());
        summary.put("expoSdk", "57.0.26");
        summary.put("complete", complete);
        out.put("summary", summary);
        if (!plan.apiFound()) {
            out.put("message", "No API found: the project has no OpenAPI/Swagger document and no HTTP endpoints were found in its code, "
                    + "so project.zip holds an app shell (navigation, theme, components, an empty client) with a note on its start screen.");
        }
        out.put("artifacts", artifacts);
        var model = new LinkedHashMap<String, Object>(modelReport);
        if (modelNote != null) model.put("note", modelNote);
        out.put("model", model);
        out.put("resources", plan.resources().stream().map(r -> {
            var m = new LinkedHashMap<String, Object>();
            m.put("key", r.key());
            m.put("title", r.title());
            m.put("list", r.list() == null ? null : r.list().method() + " " + r.list().rawPath());
            m.put("detail", r.get() == null ? null : r.get().method() + " " + r.get().rawPath());
            m.put("create", r.create() == null ? null : r.create().method() + " " + r.create().rawPath());
            m.put("update", r.update() == null ? null : r.update().method() + " " + r.update().rawPath());
            m.put("delete", r.remove() == null ? null : r.remove().method() + " " + r.remove().rawPath());
            m.put("formFields", r.fields().size());
            return m;
        }).toList());
        var contrast = ContrastReport.of(DesignTokens.standard());
        var contrastSummary = new LinkedHashMap<String, Object>();
        contrastSummary.put("pairs", contrast.pairs().size());
        contrastSummary.put("passes", contrast.passes());
        contrastSummary.put("lowest", contrast.pairs().stream().mapToDouble(ContrastReport.Pair::ratio).min().orElse(0));
        contrastSummary.put("failures", contrast.failures().stream().map(p -> p.appearance() + " " + p.text() + " on " + p.background() + " " + p.ratio()).toList());
        out.put("contrast", contrastSummary);
        out.put("leftOut", plan.leftOut().stream().limit(200).toList());
        out.put("notes", api.notes());
        return out;
    }

    static Map<String, Object> audited(HigAudit.Result result, Object artifacts, Map<String, Object> modelReport) {
        var out = new LinkedHashMap<String, Object>();
        var summary = new LinkedHashMap<String, Object>();
        summary.put("mode", "audit");
        summary.put("filesScanned", result.filesScanned());
        summary.put("findings", result.findings().size());
        summary.put("filesPatched", result.filesChanged());
        if (result.themeFile() != null) summary.put("themeFileAdded", result.themeFile());
        out.put("summary", summary);
        out.put("counts", result.counts());
        out.put("artifacts", artifacts);
        var model = new LinkedHashMap<String, Object>(modelReport);
        model.put("note", "The audit is deterministic; no model is asked.");
        out.put("model", model);
        List<Map<String, Object>> findings = result.findings().stream().limit(MAX_FINDINGS).map(f -> {
            var m = new LinkedHashMap<String, Object>();
            m.put("rule", f.rule());
            m.put("location", f.file() + ":" + f.line());
            m.put("detail", f.detail());
            m.put("fix", f.fix());
            return (Map<String, Object>) m;
        }).toList();
        out.put("findings", findings);
        if (result.findings().size() > MAX_FINDINGS) out.put("findingsTruncated", "the first " + MAX_FINDINGS + "; all are in hig-report.md");
        return out;
    }
}
