package dev.luna.workers.design;

import dev.luna.codebase.Codebase;
import dev.luna.codebase.ProjectModel;
import dev.luna.codebase.architecture.Architecture;
import dev.luna.sources.FileSelection;
import dev.luna.tasks.TaskCancelledException;
import dev.luna.tasks.TaskFailedException;
import dev.luna.tasks.TaskTimedOutException;
import dev.luna.workers.kit.TaskRun;
import dev.luna.workers.kit.TypeHandler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code design-architecture}: checks the source out, builds the project model and recovers its architecture, writes
 * the C4 views (Mermaid and Structurizr DSL), the dependency flowchart and request-flow sequence diagrams, ADRs for the
 * decisions the code embodies and for the brief, metrics and refactoring candidates; checks all of it; lets a model
 * (when one is configured) rewrite the prose; and stores architecture.md, diagrams/*.mmd, workspace.dsl, adr/*.md and
 * dependency-graph.json.
 */
final class DesignArchitecture implements TypeHandler {
    static final int MAX_FILES = 20_000;
    private final Design design = new Design();
    private final Enhancer enhancer = new Enhancer();

    @Override
    public Object run(TaskRun run) {
        var options = DesignOptions.of(run.options());
        var steps = run.steps(weights());
        steps.start("checkout", "reading the source");
        var checkout = run.checkout(FileSelection.of(options.include(), options.exclude()));

        steps.start("analyse", "analysing " + checkout.files().size() + " files");
        var files = checkout.files().size() > MAX_FILES ? checkout.files().subList(0, MAX_FILES) : checkout.files();
        var codebase = new Codebase();
        ProjectModel project = codebase.analyse(checkout.root(), files, run.stop());
        var model = new Architecture().recover(project, checkout.root(), run.stop());
        if (run.stop().cancelled()) throw new TaskCancelledException(run.context().taskId());
        String name = ProjectName.of(project, run.payload().path("source"));

        steps.start("generate", "drawing " + model.components().size() + " components");
        var generated = design.generate(name, project, model, run.brief(), options, null);

        steps.start("validate", "checking the diagrams, the workspace and the graph");
        if (!generated.problems().isEmpty()) {
            throw new TaskFailedException("the generated architecture did not pass its own checks: " + String.join("; ",
                    generated.problems().stream().limit(5).toList()), false);
        }

        steps.start("enhance", run.model().available() ? "asking the model for the overview" : "no model configured");
        boolean rejected = false;
        if (!run.stop().getAsBoolean()) {
            var enhancement = enhancer.enhance(run, generated);
            if (enhancement != null) {
                var improved = design.generate(name, project, model, run.brief(), options, enhancement);
                if (improved.problems().isEmpty()) generated = improved;
                else rejected = true;
            }
        }
        var modelReport = new LinkedHashMap<String, Object>(run.model().report());
        if (rejected) {
            modelReport.put("used", false);
            modelReport.put("reason", "the model's text broke the document's structure; the deterministic text stands");
        }

        steps.start("package", "writing " + generated.files().size() + " artifacts");
        var artifacts = run.artifacts();
        generated.files().forEach((file, bytes) -> artifacts.bytes(file, bytes, contentType(file)));
        steps.complete("package");
        var document = document(generated, artifacts.all(), modelReport, checkout.revision());
        if (!project.complete() || run.stop().outOfTime()) {
            throw new TaskTimedOutException("the analysis stopped before its end to keep within the task's timeout; what it recovered is in the "
                    + "artifacts", document);
        }
        return document;
    }

    private static Map<String, Object> document(Generated generated, Object artifacts, Map<String, Object> model, String revision) {
        var out = new LinkedHashMap<String, Object>();
        var summary = new LinkedHashMap<String, Object>();
        if (revision != null) summary.put("revision", revision);
        summary.putAll(generated.summary());
        out.put("summary", summary);
        out.put("artifacts", artifacts);
        out.put("model", model);
        out.put("diagrams", generated.diagrams());
        var decisions = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < generated.decisions().size(); i++) {
            var d = generated.decisions().get(i);
            decisions.add(Map.of("file", Adrs.fileName(i + 1, d), "title", d.title(), "status", d.status(), "category", d.category()));
        }
        out.put("decisions", decisions);
        out.put("refactorings", generated.refactorings().stream().map(r -> Map.of("kind", r.kind(), "subject", r.subject(), "problem", r.problem(),
                "evidence", r.evidence().stream().limit(3).toList())).toList());
        return out;
    }

    static String contentType(String file) {
        if (file.endsWith(".md")) return "text/markdown; charset=utf-8";
        if (file.endsWith(".json")) return "application/json";
        if (file.endsWith(".mmd")) return "text/vnd.mermaid; charset=utf-8";
        return "text/plain; charset=utf-8";
    }

    private static Map<String, Integer> weights() {
        var m = new LinkedHashMap<String, Integer>();
        m.put("checkout", 10);
        m.put("analyse", 55);
        m.put("generate", 10);
        m.put("validate", 5);
        m.put("enhance", 10);
        m.put("package", 10);
        return m;
    }
}
