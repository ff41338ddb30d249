package dev.luna.workers.swift;

import dev.luna.codebase.Codebase;
import dev.luna.core.ValidationException;
import dev.luna.sources.FileSelection;
import dev.luna.tasks.TaskCancelledException;
import dev.luna.tasks.TaskFailedException;
import dev.luna.tasks.TaskTimedOutException;
import dev.luna.workers.kit.TaskRun;
import dev.luna.workers.kit.TypeHandler;
import dev.luna.workers.swift.audit.HigAudit;
import dev.luna.workers.swift.plan.SwiftOptions;
import dev.luna.workers.swift.render.SwiftProject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code mobile-generation-swift}. Generate mode: checks the source out, builds the project model, reads the API,
 * plans and renders the SwiftUI project, checks it, lets a configured model improve the empty-state copy (re-checked),
 * and writes project.zip and design-system.md. No API found is a successful app shell that says so. Audit mode: the HIG
 * audit of the source's SwiftUI/UIKit code, with hig-report.md and hig.patch.
 */
final class MobileGenerationSwift implements TypeHandler {
    private final SwiftGenerator generator = new SwiftGenerator();
    private final CopyEnhancer enhancer = new CopyEnhancer();

    @Override
    public Object run(TaskRun run) {
        SwiftOptions options;
        try {
            options = SwiftOptions.of(run.options());
        } catch (ValidationException e) {
            throw new TaskFailedException(e.getMessage(), false);
        }
        return options.audit() ? audit(run) : generate(run, options);
    }

    private Object generate(TaskRun run, SwiftOptions options) {
        var steps = run.steps(weights());
        steps.start("checkout", "reading the source");
        var checkout = run.checkout(FileSelection.of(null, null));
        steps.start("analyse", "finding the API in " + checkout.files().size() + " files");
        var model = new Codebase().analyse(checkout.root(), checkout.files(), run.stop());
        if (run.stop().cancelled()) throw new TaskCancelledException(run.context().taskId());
        var plan = generator.plan(checkout.root(), model, options);
        steps.start("generate", "writing the SwiftUI project for " + plan.resources().size() + " resources and " + plan.endpoints().size() + " endpoints");
        var output = generator.render(plan);
        steps.start("validate", "checking the Swift sources, the asset catalog and project.yml");
        if (!output.problems().isEmpty()) throw new TaskFailedException("the generated output failed its own checks: " + output.problems(), false);

        String modelNote = null;
        if (!run.stop().getAsBoolean() && run.model().available() && !plan.resources().isEmpty()) {
            steps.start("enhance", "asking a model for better empty-state copy");
            var outcome = enhancer.enhance(run.model(), run.brief(), plan);
            modelNote = outcome.note();
            if (outcome.plan() != plan) {
                var improved = generator.render(outcome.plan());
                if (improved.problems().isEmpty()) output = improved;
                else modelNote = "A model's copy broke the output's checks (" + improved.problems().get(0) + "); the deterministic copy stands.";
            }
        }

        steps.start("package", "writing project.zip");
        var artifacts = run.artifacts();
        artifacts.zip(SwiftGenerator.PROJECT, SwiftProject.bytes(output.project()));
        artifacts.markdown(SwiftGenerator.DESIGN, generator.designSystem().contrastMarkdown());
        steps.complete("package");
        var document = ResultDocument.generated(output.plan(), output.project().size(), artifacts.all(), run.model().report(), modelNote);
        if (!model.complete() || run.stop().outOfTime()) {
            throw new TaskTimedOutException("the analysis stopped before its end to keep within the task's timeout; what was generated is in the artifacts", document);
        }
        return document;
    }

    private Object audit(TaskRun run) {
        var steps = run.steps(weights());
        steps.start("checkout", "reading the source");
        var checkout = run.checkout(FileSelection.of(null, null));
        steps.start("analyse", "checking " + checkout.files().size() + " files against the HIG rules");
        var audit = new HigAudit(generator.designSystem()).run(checkout.root(), checkout.files(), run.stop());
        if (run.stop().cancelled()) throw new TaskCancelledException(run.context().taskId());
        steps.start("package", "writing hig-report.md and hig.patch");
        var artifacts = run.artifacts();
        artifacts.markdown("hig-report.md", audit.report());
        if (!audit.patch().isEmpty()) artifacts.bytes("hig.patch", audit.patch().getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/x-diff; charset=utf-8");
        steps.complete("package");
        var document = ResultDocument.audited(audit, artifacts.all(), run.model().report());
        if (run.stop().outOfTime()) throw new TaskTimedOutException("the audit stopped before its end to keep within the task's timeout", document);
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
