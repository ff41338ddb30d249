package dev.luna.workers.expoapp;

import dev.luna.codebase.Codebase;
import dev.luna.sources.FileSelection;
import dev.luna.tasks.TaskCancelledException;
import dev.luna.tasks.TaskFailedException;
import dev.luna.tasks.TaskTimedOutException;
import dev.luna.workers.expoapp.audit.HigAudit;
import dev.luna.workers.kit.TaskRun;
import dev.luna.workers.kit.TypeHandler;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code mobile-generation-expo}. {@code generate}: checks the source out, finds its API (OpenAPI/Swagger document,
 * else the endpoints in the code), plans resources and writes an Expo SDK 57 app (project.zip), checked in Java before
 * success; a project without an API gets an app shell and a note. A configured model rewrites the empty-state copy.
 * {@code audit}: the HIG rules on the project's React Native/React sources → hig-report.md, hig.patch, counts per rule.
 */
final class ExpoApp implements TypeHandler {
    private final CopyEnhancer enhancer = new CopyEnhancer();

    @Override
    public Object run(TaskRun run) {
        var options = ExpoOptions.of(run.options());
        var steps = run.steps(weights());
        steps.start("checkout", "reading the source");
        var checkout = run.checkout(FileSelection.of(null, null));
        if (options.audit()) return audit(run, checkout, steps);

        steps.start("analyse", "finding the API in " + checkout.files().size() + " files");
        var model = new Codebase().analyse(checkout.root(), checkout.files(), run.stop());
        if (run.stop().cancelled()) throw new TaskCancelledException(run.context().taskId());
        var api = ExpoGenerator.api(model, checkout.root());
        steps.start("generate", api.empty() ? "no API found: writing an app shell" : "writing " + api.operations().size() + " operations into an Expo app");
        ExpoGenerator.Output app;
        try {
            app = ExpoGenerator.generate(api, checkout.root(), options);
        } catch (IllegalStateException e) {
            throw new TaskFailedException(e.getMessage(), false);
        }
        steps.start("validate", "checked app.json, package.json, the lockfile, route exports and imports");
        String modelNote = null;
        if (!run.stop().getAsBoolean()) {
            steps.start("enhance", run.model().available() ? "asking a model for the empty-state copy" : "no model configured");
            var outcome = enhancer.enhance(run.model(), run.brief(), app);
            modelNote = outcome.note();
            if (outcome.copy() != null) {
                try {
                    app = ExpoGenerator.render(app.plan(), options, outcome.copy());
                } catch (IllegalStateException e) {
                    modelNote = "A model's copy failed the app's checks (" + e.getMessage() + "); the deterministic copy stands.";
                }
            }
        }
        steps.start("package", "writing project.zip");
        var artifacts = run.artifacts();
        artifacts.zip(ExpoGenerator.PROJECT, app.files());
        artifacts.bytes("README.md", app.files().get("README.md"), "text/markdown; charset=utf-8");
        steps.complete("package");
        var document = ResultDocument.generated(app, options, artifacts.all(), run.model().report(), modelNote, model.complete());
        if (!model.complete() || run.stop().outOfTime()) {
            throw new TaskTimedOutException("the analysis stopped before its end to keep within the task's timeout; what it found is in the artifacts", document);
        }
        return document;
    }

    private Object audit(TaskRun run, dev.luna.sources.Checkout checkout, dev.luna.workers.kit.Steps steps) {
        steps.start("analyse", "reading the React Native/React sources of " + checkout.files().size() + " files");
        var result = HigAudit.run(checkout.root(), checkout.files(), run.stop());
        steps.start("generate", "wrote hig-report.md and hig.patch");
        steps.start("validate", "the patch is a git diff against the analysed files");
        steps.start("enhance", "the audit uses no model");
        steps.start("package", "writing the artifacts");
        var artifacts = run.artifacts();
        artifacts.markdown(HigAudit.REPORT, result.report());
        if (!result.patch().isEmpty()) artifacts.bytes(HigAudit.PATCH, result.patch().getBytes(StandardCharsets.UTF_8), "text/x-diff; charset=utf-8");
        steps.complete("package");
        var document = ResultDocument.audited(result, artifacts.all(), run.model().report());
        if (run.stop().getAsBoolean()) throw new TaskTimedOutException("the audit stopped before its end to keep within the task's timeout", document);
        return document;
    }

    private static Map<String, Integer> weights() {
        var m = new LinkedHashMap<String, Integer>();
        m.put("checkout", 15);
        m.put("analyse", 40);
        m.put("generate", 25);
        m.put("validate", 5);
        m.put("enhance", 10);
        m.put("package", 5);
        return m;
    }
}
