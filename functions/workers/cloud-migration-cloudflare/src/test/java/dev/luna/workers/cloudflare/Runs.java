package dev.luna.workers.cloudflare;

import dev.luna.codebase.Codebase;
import dev.luna.core.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.stream.Stream;

/** Runs the deterministic core on a directory, as the worker does after its checkout, and writes the project out. */
final class Runs {
    record Run(MigrationReport report, String json, String markdown, byte[] zip, List<String> problems) {
        /** Writes the generated project into {@code dir}. */
        Path writeProject(Path dir) throws IOException {
            for (var e : report.files().entrySet()) {
                Path f = dir.resolve(e.getKey());
                Files.createDirectories(f.getParent());
                Files.writeString(f, e.getValue(), StandardCharsets.UTF_8);
            }
            return dir;
        }
    }

    private Runs() {
    }

    static Run run(Path root, MigrationOptions options) throws IOException {
        return run(root, files(root), options);
    }

    static Run run(Path root, List<String> files, MigrationOptions options) {
        var analysis = new MigrationAnalysis(new Codebase());
        var model = analysis.model(root, files, () -> false);
        var report = analysis.run(model, root, options, () -> false);
        var json = MigrationJson.of(report);
        String markdown = MigrationMarkdown.render(report);
        var lines = new HashMap<String, Integer>();
        model.files().forEach(f -> lines.put(f.path(), f.lines()));
        String text = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n";
        return new Run(report, text, markdown, CloudflareMigration.zip(report.files()), OutputCheck.problems(report, json, markdown, lines));
    }

    static List<String> files(Path root) throws IOException {
        var out = new ArrayList<String>();
        try (Stream<Path> s = Files.walk(root)) {
            s.filter(Files::isRegularFile).forEach(p -> out.add(root.relativize(p).toString().replace('\\', '/')));
        }
        out.sort(null);
        return out;
    }
}
