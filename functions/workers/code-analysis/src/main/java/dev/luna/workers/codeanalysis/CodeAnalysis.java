package dev.luna.workers.codeanalysis;

import dev.luna.sources.FileSelection;
import dev.luna.tasks.TaskCancelledException;
import dev.luna.tasks.TaskTimedOutException;
import dev.luna.workers.codeanalysis.report.CycloneDxWriter;
import dev.luna.workers.codeanalysis.report.SarifWriter;
import dev.luna.workers.kit.TaskRun;
import dev.luna.workers.kit.TypeHandler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code code-analysis}: checks the source out, runs the requested analysers (security, quality, secrets,
 * dependencies, metrics), drops what a baseline already had, asks a model (when one is configured) to explain the most
 * severe findings, and writes {@code findings.sarif}, {@code sbom.cdx.json} and {@code report.md}. The analysers stop
 * when the task's time is nearly up; what they found is still written, and the task ends {@code timed_out} with it.
 */
final class CodeAnalysis implements TypeHandler {
    static final String SARIF = "findings.sarif";
    static final String SBOM = "sbom.cdx.json";
    static final String REPORT = "report.md";
    static final String VERSION = "0.1.0";
    private static final Map<String, Integer> STEPS = stepWeights();
    private final Analysers analysers;
    private final Enhancer enhancer = new Enhancer();

    CodeAnalysis(Analysers analysers) {
        this.analysers = analysers;
    }

    @Override
    public Object run(TaskRun run) {
        var options = AnalysisOptions.of(run.options());
        var steps = run.steps(STEPS);
        steps.start("checkout", "reading the source");
        var checkout = run.checkout(FileSelection.of(options.include(), options.exclude()));
        var baseline = options.baselineTaskId() == null ? null : Baseline.fingerprints(run, options.baselineTaskId());

        steps.start("analyse", "analysing " + checkout.files().size() + " files");
        var collected = analysers.run(options, checkout, steps::progress, run.stop());
        if (run.stop().cancelled()) throw new TaskCancelledException(run.context().taskId());
        var selection = new FindingSelection(collected, baseline, options.maxFindings());

        steps.start("enhance", run.model().available() ? "explaining the top findings" : "no model configured");
        var explanations = run.stop().getAsBoolean() ? List.<Enhancer.Explanation>of() : enhancer.explain(run, selection.selected, run.stop());

        steps.start("package", "writing findings.sarif, sbom.cdx.json and report.md");
        var artifacts = run.artifacts();
        artifacts.bytes(SARIF, new SarifWriter(VERSION, null).write(selection.runs), "application/sarif+json");
        if (options.runs("dependencies")) {
            artifacts.bytes(SBOM, new CycloneDxWriter(VERSION).write(projectName(run), null, collected.components), "application/vnd.cyclonedx+json");
        }
        var result = new AnalysisResult(options, checkout, collected, selection, explanations, baseline == null ? null : options.baselineTaskId());
        artifacts.markdown(REPORT, new AnalysisReport(result).render());
        steps.complete("package");
        var document = result.document(artifacts.all(), run.model().report());
        if (!collected.complete || run.stop().outOfTime()) {
            throw new TaskTimedOutException("the analysis stopped before its end to keep within the task's timeout; the findings so far "
                    + "are in the artifacts", document);
        }
        return document;
    }

    /** A name for the SBOM's root component: the git URL's last segment, or "project". */
    private static String projectName(TaskRun run) {
        var url = run.payload().path("source").path("url").asString("");
        String name = url.replaceAll("\\.git$", "").replaceAll(".*[/:]", "");
        return name.isBlank() ? "project" : name;
    }

    private static Map<String, Integer> stepWeights() {
        var m = new LinkedHashMap<String, Integer>();
        m.put("checkout", 10);
        m.put("analyse", 70);
        m.put("enhance", 10);
        m.put("package", 10);
        return m;
    }
}
