package dev.luna.workers.googleagent;

import dev.luna.codebase.Codebase;
import dev.luna.sources.FileSelection;
import dev.luna.tasks.TaskCancelledException;
import dev.luna.tasks.TaskFailedException;
import dev.luna.tasks.TaskTimedOutException;
import dev.luna.workers.googleagent.input.ProjectApi;
import dev.luna.workers.googleagent.plan.AgentOptions;
import dev.luna.workers.googleagent.render.AdkProject;
import dev.luna.workers.kit.TaskRun;
import dev.luna.workers.kit.TypeHandler;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code app-generation-google}: checks the source out, builds the project model, reads the API (an OpenAPI document
 * in the source, else endpoints in code), plans one tool per chosen operation grouped into skills, renders
 * agent-card.json, conversation.json/.md, deployment.md and project.zip (adk-java/), checks them, lets a configured
 * model improve the descriptions (re-checked), and writes the artifacts. No API found is a successful result that says so.
 */
final class AppGenerationGoogle implements TypeHandler {
    private final GoogleAgentGenerator generator = new GoogleAgentGenerator(new ProjectApi());
    private final DescriptionEnhancer enhancer = new DescriptionEnhancer();

    @Override
    public Object run(TaskRun run) {
        var options = AgentOptions.of(run.options());
        var steps = run.steps(weights());
        steps.start("checkout", "reading the source");
        var checkout = run.checkout(FileSelection.of(null, null));
        steps.start("analyse", "finding the API in " + checkout.files().size() + " files");
        var model = new Codebase().analyse(checkout.root(), checkout.files(), run.stop());
        if (run.stop().cancelled()) throw new TaskCancelledException(run.context().taskId());
        var planned = generator.plan(checkout.root(), model, options);
        if (planned.plan() == null) {
            steps.complete("package");
            return ResultDocument.noApi(planned.api(), run.model().report());
        }

        steps.start("generate", "writing the card, the conversation and the ADK project for " + planned.plan().tools().size() + " tools");
        var output = generator.render(planned.plan());
        steps.start("validate", "checking the card and conversation against their schemas");
        if (!output.problems().isEmpty()) throw new TaskFailedException("the generated output failed its own checks: " + output.problems(), false);

        String modelNote = null;
        if (!run.stop().getAsBoolean() && run.model().available()) {
            steps.start("enhance", "asking a model for better descriptions");
            var outcome = enhancer.enhance(run.model(), run.brief(), output.plan());
            modelNote = outcome.note();
            if (outcome.plan() != output.plan()) {
                var improved = generator.render(outcome.plan());
                if (improved.problems().isEmpty()) output = improved;
                else modelNote = "A model's descriptions broke the output's checks (" + improved.problems().get(0) + "); the deterministic text stands.";
            }
        }

        steps.start("package", "writing the artifacts and project.zip");
        var artifacts = run.artifacts();
        for (var e : output.artifacts().entrySet()) {
            if (e.getKey().endsWith(".json")) artifacts.text(e.getKey(), e.getValue(), "application/json");
            else artifacts.markdown(e.getKey(), e.getValue());
        }
        artifacts.zip(GoogleAgentGenerator.PROJECT, AdkProject.bytes(output.project()));
        steps.complete("package");
        var document = ResultDocument.of(planned.api(), output.plan(), artifacts.all(), run.model().report(), modelNote);
        if (!model.complete() || run.stop().outOfTime()) {
            throw new TaskTimedOutException("the analysis stopped before its end to keep within the task's timeout; what was generated is in the artifacts",
                    document);
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
