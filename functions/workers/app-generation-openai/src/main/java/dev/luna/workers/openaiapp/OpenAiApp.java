package dev.luna.workers.openaiapp;

import dev.luna.codebase.Codebase;
import dev.luna.sources.FileSelection;
import dev.luna.tasks.TaskCancelledException;
import dev.luna.tasks.TaskFailedException;
import dev.luna.tasks.TaskTimedOutException;
import dev.luna.workers.kit.TaskRun;
import dev.luna.workers.kit.TypeHandler;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code app-generation-openai}: checks the source out, finds its API (an OpenAPI/Swagger document, else the endpoints
 * in the code), chooses at most 30 operations by value and writes a GPT Actions schema ({@code openapi.actions.json},
 * checked with swagger-parser), the GPT's {@code instructions.md}, {@code manifest.json}, {@code deployment.md}, and
 * {@code project.zip} with an Apps SDK MCP server ({@code mcp-server/}). A project without an API succeeds with a
 * result that says so. A configured model rewrites the operations' descriptions inside the same limits.
 */
final class OpenAiApp implements TypeHandler {
    private final DescriptionEnhancer enhancer = new DescriptionEnhancer();

    @Override
    public Object run(TaskRun run) {
        var options = AppOptions.of(run.options());
        var steps = run.steps(weights());
        steps.start("checkout", "reading the source");
        var checkout = run.checkout(FileSelection.of(null, null));
        steps.start("analyse", "finding the API in " + checkout.files().size() + " files");
        var model = new Codebase().analyse(checkout.root(), checkout.files(), run.stop());
        if (run.stop().cancelled()) throw new TaskCancelledException(run.context().taskId());
        var api = AppGenerator.api(model, checkout.root());

        steps.start("generate", "writing the Actions schema, instructions and MCP server");
        GeneratedApp app;
        try {
            app = AppGenerator.generate(api, options);
        } catch (IllegalStateException e) {
            throw new TaskFailedException(e.getMessage(), false);
        }
        steps.start("validate", "checked the Actions schema with swagger-parser");
        String modelNote = null;
        if (app.found() && !run.stop().getAsBoolean()) {
            steps.start("enhance", run.model().available() ? "asking a model for the descriptions" : "no model configured");
            var outcome = enhancer.enhance(run.model(), run.brief(), app);
            modelNote = outcome.note();
            if (outcome.prose() != null) {
                try {
                    app = AppGenerator.generate(api, options, outcome.prose());
                } catch (IllegalStateException e) {
                    modelNote = "A model's descriptions failed the schema checks (" + e.getMessage() + "); the deterministic text stands.";
                }
            }
        }
        steps.start("package", app.found() ? "writing the artifacts and project.zip" : "no API found: nothing to package");
        var artifacts = run.artifacts();
        for (var e : app.artifacts().entrySet()) {
            String type = e.getKey().endsWith(".json") ? "application/json" : "text/markdown; charset=utf-8";
            artifacts.bytes(e.getKey(), e.getValue(), type);
        }
        if (!app.project().isEmpty()) artifacts.zip(AppGenerator.PROJECT, app.project());
        steps.complete("package");
        var document = ResultDocument.of(app, options, artifacts.all(), run.model().report(), modelNote, model.complete());
        if (!model.complete() || run.stop().outOfTime()) {
            throw new TaskTimedOutException("the analysis stopped before its end to keep within the task's timeout; what it found is in the artifacts", document);
        }
        return document;
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
