package dev.luna.workers.swift;

import dev.luna.workers.kit.ArtifactRef;
import dev.luna.workers.swift.audit.HigAudit;
import dev.luna.workers.swift.lint.Finding;
import dev.luna.workers.swift.plan.AppPlan;
import dev.luna.workers.swift.plan.Resource;
import dev.luna.workers.swift.render.SwiftProject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The task's result in generate mode (the app, its screens, notes) and in audit mode (counts per rule, violations). */
final class ResultDocument {
    static final int MAX_LISTED = 500;

    private ResultDocument() {
    }

    static Map<String, Object> generated(AppPlan plan, int files, List<ArtifactRef> artifacts, Map<String, Object> model, String modelNote) {
        var out = new LinkedHashMap<String, Object>();
        out.put("mode", "generate");
        out.put("apiFound", !plan.shell());
        var summary = new LinkedHashMap<String, Object>();
        summary.put("appName", plan.appName());
        summary.put("source", plan.origin());
        if (plan.document() != null) summary.put("document", plan.document());
        summary.put("platforms", plan.options().platforms());
        summary.put("bundleId", plan.options().bundleId());
        summary.put("persistence", plan.options().persistence());
        summary.put("applePay", plan.options().applePay());
        summary.put("endpoints", plan.endpoints().size());
        summary.put("models", plan.models().size());
        summary.put("resources", plan.resources().size());
        summary.put("files", files);
        summary.put("open", "unzip project.zip && xcodegen generate && open " + plan.typeName() + ".xcodeproj");
        out.put("summary", summary);
        if (plan.shell()) out.put("message", plan.notes().get(plan.notes().size() - 1));
        out.put("artifacts", artifacts);
        var resources = new ArrayList<Map<String, Object>>();
        for (Resource r : plan.resources()) {
            var m = new LinkedHashMap<String, Object>();
            m.put("name", r.name());
            m.put("title", r.title());
            m.put("model", r.elementType());
            m.put("list", r.list() == null ? null : "GET " + r.list().path());
            m.put("detail", r.get() == null ? null : "GET " + r.get().path());
            m.put("create", r.create() == null ? null : "POST " + r.create().path());
            m.put("delete", r.delete() == null ? null : "DELETE " + r.delete().path());
            resources.add(m);
        }
        out.put("resources", resources);
        out.put("applePayEndpoint", plan.payment() == null ? null : "POST " + plan.payment().path());
        out.put("coreLibrary", SwiftProject.coreName(plan));
        out.put("notes", plan.notes());
        var modelOut = new LinkedHashMap<>(model);
        if (modelNote != null) modelOut.put("note", modelNote);
        out.put("model", modelOut);
        return out;
    }

    static Map<String, Object> audited(HigAudit.Result audit, List<ArtifactRef> artifacts, Map<String, Object> model) {
        var out = new LinkedHashMap<String, Object>();
        out.put("mode", "audit");
        var summary = new LinkedHashMap<String, Object>();
        summary.put("swiftFiles", audit.swiftFiles());
        summary.put("colorSets", audit.colorSets());
        summary.put("violations", audit.findings().size());
        summary.put("fixable", audit.findings().stream().filter(f -> !f.edits().isEmpty()).count());
        summary.put("patchedFiles", audit.patchedFiles());
        summary.put("apply", audit.patch().isEmpty() ? null : "git apply hig.patch");
        out.put("summary", summary);
        out.put("counts", audit.counts());
        out.put("artifacts", artifacts);
        var list = new ArrayList<Map<String, Object>>();
        for (Finding f : audit.findings().stream().limit(MAX_LISTED).toList()) {
            var m = new LinkedHashMap<String, Object>();
            m.put("rule", f.rule());
            m.put("location", f.file() + ":" + f.line());
            m.put("message", f.message());
            m.put("fixedByPatch", !f.edits().isEmpty());
            list.add(m);
        }
        out.put("violations", list);
        if (audit.findings().size() > MAX_LISTED) out.put("notes", List.of("the first " + MAX_LISTED + " violations are listed; hig-report.md has all"));
        out.put("model", model);
        return out;
    }
}
