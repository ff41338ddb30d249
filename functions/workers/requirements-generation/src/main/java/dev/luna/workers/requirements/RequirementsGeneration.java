package dev.luna.workers.requirements;

import dev.luna.sources.FileSelection;
import dev.luna.tasks.TaskCancelledException;
import dev.luna.tasks.TaskFailedException;
import dev.luna.tasks.TaskTimedOutException;
import dev.luna.workers.kit.TaskRun;
import dev.luna.workers.kit.TypeHandler;
import dev.luna.workers.kit.Zips;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code requirements-generation}: checks the source out, extracts what the system does from evidence (HTTP endpoints,
 * UI routes, CLI commands, scheduled jobs, message consumers, entities, configuration, tests, README claims), plans
 * features → user stories → Gherkin acceptance criteria, non-functional requirements and open questions with evidence
 * links, lets a model (when one is configured) improve the wording, checks everything (JSON Schema, Gherkin parser,
 * links) and writes {@code requirements.md}, {@code requirements.json} and {@code features.zip}.
 */
final class RequirementsGeneration implements TypeHandler {
    static final String MARKDOWN = "requirements.md";
    static final String JSON = "requirements.json";
    static final String FEATURES = "features.zip";
    /** Requirements carried in the task's result itself (all are in requirements.json). */
    static final int RESULT_REQUIREMENTS = 100;
    private static final Map<String, Integer> STEPS = steps();

    @Override
    public Object run(TaskRun run) {
        var options = RequirementsOptions.of(run.options());
        var steps = run.steps(STEPS);
        steps.start("checkout", "reading the source");
        var checkout = run.checkout(FileSelection.ALL);
        steps.start("analyse", "reading " + checkout.files().size() + " files for behaviour");
        var generator = new Generator(Masks.of(run.secrets()));
        var evidence = generator.analyse(checkout.root(), checkout.files(), run.stop());
        if (run.stop().cancelled()) throw new TaskCancelledException(run.context().taskId());

        steps.start("generate", "planning features, stories and acceptance criteria");
        var doc = generator.plan(evidence, options, !run.stop().outOfTime());
        var brief = run.brief();

        steps.start("validate", "checking requirements.json, the feature files and every evidence link");
        var outputs = Outputs.render(doc, brief, evidence.links());
        if (!outputs.problems().isEmpty()) {
            throw new TaskFailedException("the generated requirements failed their own checks: " + outputs.problems().stream().limit(5).toList(), false);
        }

        steps.start("enhance", run.model().available() ? "improving the wording with a model" : "no model configured");
        String wording = "not attempted: no model provider is configured";
        if (run.model().available() && !run.stop().getAsBoolean()) {
            var improved = Wording.improve(run.model(), doc, brief);
            if (improved == null) wording = "no usable answer; the deterministic wording stands";
            else {
                var better = Outputs.render(improved, brief, evidence.links());
                if (better.problems().isEmpty()) {
                    outputs = better;
                    wording = "applied to feature titles, descriptions and story wording";
                } else {
                    wording = "rejected (" + better.problems().getFirst() + "); the deterministic wording stands";
                }
            }
        }

        steps.start("package", "writing " + String.join(", ", options.formats()));
        var artifacts = run.artifacts();
        if (options.wants("markdown")) artifacts.markdown(MARKDOWN, outputs.markdown());
        if (options.wants("json")) artifacts.bytes(JSON, outputs.jsonBytes(), "application/json");
        if (options.wants("gherkin")) artifacts.bytes(FEATURES, Zips.of(outputs.features()), "application/zip");
        steps.complete("package");

        var model = new LinkedHashMap<String, Object>(run.model().report());
        model.put("wording", wording);
        var document = document(outputs, artifacts.all(), model);
        if (!outputs.doc().complete() || run.stop().outOfTime()) {
            throw new TaskTimedOutException("the analysis stopped before its end to keep within the task's timeout; what it derived is in "
                    + "the artifacts", document);
        }
        return document;
    }

    /** The result: summary counts, artifacts, the model block and the first {@value #RESULT_REQUIREMENTS} requirements. */
    static Map<String, Object> document(Outputs outputs, Object artifacts, Map<String, Object> model) {
        var out = new LinkedHashMap<String, Object>();
        out.put("summary", RequirementsJson.summary(outputs.doc()));
        out.put("artifacts", artifacts);
        out.put("model", model);
        var rows = Trace.rows(outputs.doc());
        var kept = new ArrayList<Map<String, Object>>();
        for (var t : rows.subList(0, Math.min(RESULT_REQUIREMENTS, rows.size()))) {
            var m = new LinkedHashMap<String, Object>();
            m.put("id", t.id());
            m.put("kind", t.kind());
            m.put("title", t.title());
            var first = t.links().getFirst();
            var evidence = new LinkedHashMap<String, Object>();
            evidence.put("file", first.file());
            evidence.put("startLine", first.startLine());
            evidence.put("endLine", first.endLine());
            m.put("evidence", evidence);
            m.put("links", t.links().size());
            kept.add(m);
        }
        out.put("requirements", kept);
        if (rows.size() > RESULT_REQUIREMENTS) out.put("moreRequirements", rows.size() - RESULT_REQUIREMENTS);
        out.put("features", outputs.features().keySet().stream().toList());
        return out;
    }

    private static Map<String, Integer> steps() {
        var m = new LinkedHashMap<String, Integer>();
        m.put("checkout", 10);
        m.put("analyse", 55);
        m.put("generate", 10);
        m.put("validate", 10);
        m.put("enhance", 10);
        m.put("package", 5);
        return m;
    }

    static List<String> stepNames() {
        return List.copyOf(STEPS.keySet());
    }
}
