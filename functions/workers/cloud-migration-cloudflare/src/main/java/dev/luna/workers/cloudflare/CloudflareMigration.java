package dev.luna.workers.cloudflare;

import dev.luna.codebase.Codebase;
import dev.luna.sources.FileSelection;
import dev.luna.tasks.TaskCancelledException;
import dev.luna.tasks.TaskFailedException;
import dev.luna.tasks.TaskTimedOutException;
import dev.luna.workers.kit.TaskRun;
import dev.luna.workers.kit.TypeHandler;
import dev.luna.workers.kit.Zips;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code cloud-migration-cloudflare}: checks the source out, builds the project model, inventories the backend
 * (routes, functions, datastores, storage, queues, schedules, configuration) with a verdict and file:line evidence per
 * item, plans the move with a strangler path, projects the monthly cost for AWS and Workers Free/Paid, and generates a
 * Wrangler project ({@code project.zip}) with D1 migrations, smoke requests and a Terraform alternative. A configured
 * model rewords the plan inside the same structure.
 */
final class CloudflareMigration implements TypeHandler {
    static final String JSON = "migration.json";
    static final String REPORT = "migration.md";
    static final String PROJECT = "project.zip";
    private final ProseEnhancer enhancer = new ProseEnhancer();

    @Override
    public Object run(TaskRun run) {
        var options = MigrationOptions.of(run.options());
        var steps = run.steps(weights());
        steps.start("checkout", "reading the source");
        var checkout = run.checkout(FileSelection.of(null, null));
        steps.start("analyse", "building the project model of " + checkout.files().size() + " files");
        var analysis = new MigrationAnalysis(new Codebase());
        var model = analysis.model(checkout.root(), checkout.files(), run.stop());
        if (run.stop().cancelled()) throw new TaskCancelledException(run.context().taskId());

        steps.start("generate", "inventory, plan, cost and the Worker project");
        var report = analysis.run(model, checkout.root(), options, run.stop());

        steps.start("validate", "checking migration.json against its schema and the generated project");
        var lines = new HashMap<String, Integer>();
        model.files().forEach(f -> lines.put(f.path(), f.lines()));
        var problems = OutputCheck.problems(report, MigrationJson.of(report), MigrationMarkdown.render(report), lines);
        if (!problems.isEmpty()) throw new TaskFailedException("the generated output failed its own checks: " + problems, false);

        if (!run.stop().getAsBoolean()) {
            steps.start("enhance", run.model().available() ? "asking a model to word the plan" : "no model configured");
            var enhanced = enhancer.enhance(run.model(), run.brief(), report);
            var json = MigrationJson.of(enhanced);
            if (OutputCheck.problems(enhanced, json, MigrationMarkdown.render(enhanced), lines).isEmpty()) report = enhanced;
        }

        steps.start("package", "writing " + JSON + ", " + REPORT + (report.files().isEmpty() ? "" : " and " + PROJECT));
        var artifacts = run.artifacts();
        var json = MigrationJson.of(report);
        artifacts.json(JSON, json, "application/json");
        artifacts.markdown(REPORT, MigrationMarkdown.render(report));
        if (!report.files().isEmpty()) artifacts.zip(PROJECT, zipEntries(report.files()));
        steps.complete("package");
        var document = new LinkedHashMap<String, Object>();
        document.put("summary", MigrationJson.summary(report));
        document.put("artifacts", artifacts.all());
        document.put("model", run.model().report());
        document.put("bindings", json.get("bindings"));
        document.put("cost", ((Map<?, ?>) json.get("cost")).get("totals"));
        if (!report.complete() || run.stop().outOfTime()) {
            throw new TaskTimedOutException("the analysis stopped before its end to keep within the task's timeout; what it found is in the artifacts", document);
        }
        return document;
    }

    static Map<String, byte[]> zipEntries(Map<String, String> files) {
        var out = new TreeMap<String, byte[]>();
        files.forEach((k, v) -> out.put(k, v.getBytes(StandardCharsets.UTF_8)));
        return out;
    }

    static byte[] zip(Map<String, String> files) {
        return Zips.of(zipEntries(files));
    }

    private static Map<String, Integer> weights() {
        var m = new LinkedHashMap<String, Integer>();
        m.put("checkout", 15);
        m.put("analyse", 45);
        m.put("generate", 20);
        m.put("validate", 5);
        m.put("enhance", 10);
        m.put("package", 5);
        return m;
    }
}
