package dev.luna.workers.aiintegration;

import dev.luna.codebase.Codebase;
import dev.luna.codebase.ProjectModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;

/** Runs the deterministic core on a directory, as the worker does after its checkout. */
final class Runs {
    record Run(ProjectModel model, IntegrationReport report, String markdown, byte[] patch, List<String> problems) {
    }

    private Runs() {
    }

    static Run run(Path root, List<String> files, IntegrationOptions options) {
        var analysis = new IntegrationAnalysis(new Codebase());
        var model = analysis.model(root, files, () -> false);
        var report = analysis.run(model, root, options, () -> false);
        String markdown = ReportMarkdown.render(report, options);
        var lines = new HashMap<String, Integer>();
        model.files().forEach(f -> lines.put(f.path(), f.lines()));
        return new Run(model, report, markdown, report.patch().getBytes(StandardCharsets.UTF_8), OutputCheck.problems(report, markdown, lines));
    }
}
