package dev.luna.workers.aiintegration;

import dev.luna.codebase.Codebase;
import dev.luna.sources.FileSelection;
import dev.luna.tasks.TaskCancelledException;
import dev.luna.tasks.TaskFailedException;
import dev.luna.tasks.TaskTimedOutException;
import dev.luna.workers.kit.TaskRun;
import dev.luna.workers.kit.TypeHandler;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code ai-integration}: checks the source out, builds the project model, finds where AI features fit (ranked, with
 * file:line evidence), renders the integration for the best-ranked features in the project's language as
 * {@code ai-integration.patch} (new files only: a client for Luna's gateway, the features with fallbacks, prompt
 * templates, answer schemas, a test with a stubbed gateway), prices it from Luna's model catalog, and writes
 * {@code ai-integration.md}. A configured model rewrites the rationales inside the same structure.
 */
final class AiIntegration implements TypeHandler {
    static final String REPORT = "ai-integration.md";
    static final String PATCH = "ai-integration.patch";
    private final ProseEnhancer enhancer = new ProseEnhancer();

    @Override
    public Object run(TaskRun run) {
        var options = IntegrationOptions.of(run.options());
        var steps = run.steps(weights());
        steps.start("checkout", "reading the source");
        var checkout = run.checkout(FileSelection.of(null, null));
        steps.start("analyse", "building the project model of " + checkout.files().size() + " files");
        var analysis = new IntegrationAnalysis(new Codebase());
        var model = analysis.model(checkout.root(), checkout.files(), run.stop());
        if (run.stop().cancelled()) throw new TaskCancelledException(run.context().taskId());

        steps.start("generate", "ranking opportunities and writing the integration");
        var report = analysis.run(model, checkout.root(), options, run.stop());

        steps.start("validate", "checking the patch, the schemas and the evidence");
        var lines = new HashMap<String, Integer>();
        model.files().forEach(f -> lines.put(f.path(), f.lines()));
        var problems = OutputCheck.problems(report, ReportMarkdown.render(report, options), lines);
        if (!problems.isEmpty()) throw new TaskFailedException("the generated output failed its own checks: " + problems, false);

        if (!run.stop().getAsBoolean()) {
            steps.start("enhance", run.model().available() ? "asking a model for the rationales" : "no model configured");
            report = enhancer.enhance(run.model(), run.brief(), report);
        }

        steps.start("package", "writing " + REPORT + (report.patch().isEmpty() ? "" : " and " + PATCH));
        String markdown = ReportMarkdown.render(report, options);
        var artifacts = run.artifacts();
        artifacts.markdown(REPORT, markdown);
        byte[] patch = report.patch().getBytes(StandardCharsets.UTF_8);
        if (patch.length > 0) artifacts.bytes(PATCH, patch, "text/x-diff; charset=utf-8");
        steps.complete("package");
        var document = ResultDocument.of(report, options, artifacts.all(), run.model().report(), patch.length);
        if (!report.complete() || run.stop().outOfTime()) {
            throw new TaskTimedOutException("the analysis stopped before its end to keep within the task's timeout; what it found is in "
                    + "the artifacts", document);
        }
        return document;
    }

    private static Map<String, Integer> weights() {
        var m = new LinkedHashMap<String, Integer>();
        m.put("checkout", 15);
        m.put("analyse", 50);
        m.put("generate", 15);
        m.put("validate", 5);
        m.put("enhance", 10);
        m.put("package", 5);
        return m;
    }
}
