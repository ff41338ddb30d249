package dev.luna.workers.projectorganization;

import dev.luna.sources.FileSelection;
import dev.luna.tasks.TaskCancelledException;
import dev.luna.tasks.TaskTimedOutException;
import dev.luna.workers.kit.TaskRun;
import dev.luna.workers.kit.TypeHandler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * {@code project-organization}: checks the source out (a git source with its history), finds unused files, audits
 * dependencies, git hygiene and standard project files, asks a model (when one is configured) for an overview of the
 * plan, and writes {@code report.md}, {@code report.json} (every finding) and {@code cleanup.patch} (a git-format patch
 * series, one commit per kind of change, that applies to the analysed revision with {@code git am}).
 */
final class ProjectOrganization implements TypeHandler {
    static final String REPORT = "report.md";
    static final String JSON = "report.json";
    static final String PATCH = "cleanup.patch";
    /** Findings carried in the task's result itself (every one is in report.json). */
    static final int RESULT_FINDINGS = 100;
    private final OrganizationAnalysis analysis = new OrganizationAnalysis();
    private final PlanOverview overview = new PlanOverview();

    @Override
    public Object run(TaskRun run) {
        var options = run.options();
        var steps = run.steps(weights());
        steps.start("checkout", "reading the source");
        var checkout = run.checkout(FileSelection.of(strings(options.get("include")), strings(options.get("exclude"))));
        steps.start("analyse", "checking " + checkout.files().size() + " files");
        var input = new OrganizationInput(checkout.root(), checkout.isGit() ? checkout.git().gitDir() : null,
                OrganizationOptions.of(strings(options.get("checks")), options.has("emitPatch") ? options.get("emitPatch").asBoolean() : null),
                OrganizationLimits.DEFAULT, run.stop());
        var report = analysis.analyse(input);
        if (run.stop().cancelled()) throw new TaskCancelledException(run.context().taskId());

        steps.start("generate", "writing the clean-up patch");
        byte[] patch = input.options().emitPatch() && !run.stop().getAsBoolean() ? new CleanupPatch().build(input, report) : new byte[0];
        var model = run.stop().getAsBoolean() ? null : overview.write(run, report);

        steps.start("package", "writing report.md, report.json and cleanup.patch");
        var artifacts = run.artifacts();
        String markdown = ReportMarkdown.render(report);
        if (model != null) markdown = markdown + "\n" + model.markdown();
        artifacts.markdown(REPORT, markdown);
        byte[] json = ReportJson.render(report);
        artifacts.bytes(JSON, json, "application/json");
        if (patch.length > 0) artifacts.bytes(PATCH, patch, "text/x-diff; charset=utf-8");
        steps.complete("package");

        var document = document(ReportJson.tree(report), artifacts.all(), run.model().report(), model, patch.length);
        if (!report.complete() || run.stop().outOfTime()) {
            throw new TaskTimedOutException("the analysis stopped before its end to keep within the task's timeout; what it found is in "
                    + "the artifacts", document);
        }
        return document;
    }

    /** The result: the summary, the findings (the first {@value #RESULT_FINDINGS}; all are in report.json), the layout, the patch. */
    private static Map<String, Object> document(JsonNode full, Object artifacts, Map<String, Object> modelReport, PlanOverview.Overview model,
                                                int patchBytes) {
        var out = new LinkedHashMap<String, Object>();
        out.put("summary", full.get("summary"));
        out.put("artifacts", artifacts);
        out.put("model", modelReport);
        var findings = full.get("findings");
        var kept = new ArrayList<JsonNode>();
        for (int i = 0; i < Math.min(findings.size(), RESULT_FINDINGS); i++) kept.add(findings.get(i));
        out.put("findings", kept);
        if (findings.size() > RESULT_FINDINGS) out.put("moreFindings", findings.size() - RESULT_FINDINGS);
        out.put("structure", full.get("structure"));
        var patch = new LinkedHashMap<String, Object>();
        patch.put("bytes", patchBytes);
        patch.put("commits", full.path("patch").path("commits"));
        patch.put("apply", patchBytes == 0 ? "nothing to change" : "git am < cleanup.patch (git apply --check cleanup.patch to try it first)");
        out.put("patch", patch);
        if (model != null) out.put("overview", model.json());
        return out;
    }

    private static List<String> strings(JsonNode node) {
        var out = new ArrayList<String>();
        if (node != null && node.isArray()) node.forEach(n -> out.add(n.asString()));
        return out.isEmpty() ? null : out;
    }

    private static Map<String, Integer> weights() {
        var m = new LinkedHashMap<String, Integer>();
        m.put("checkout", 15);
        m.put("analyse", 60);
        m.put("generate", 15);
        m.put("package", 10);
        return m;
    }
}
