package dev.luna.workers.design;

import dev.luna.codebase.Codebase;
import dev.luna.codebase.ProjectModel;
import dev.luna.codebase.architecture.Architecture;
import dev.luna.codebase.architecture.ArchitectureModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Runs the deterministic core on a directory, as the worker does after its checkout (no task machinery). */
final class Runs {
    record Run(ProjectModel project, ArchitectureModel model, Generated generated) {
        String text(String file) {
            var bytes = generated.files().get(file);
            if (bytes == null) throw new AssertionError("no " + file + " among " + generated.files().keySet());
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private Runs() {
    }

    static Run run(Path dir, String brief, DesignOptions options) {
        var project = new Codebase().analyse(dir, files(dir), () -> false);
        var model = new Architecture().recover(project, dir, () -> false);
        var generated = new Design().generate(ProjectName.of(project, null), project, model, brief, options, null);
        return new Run(project, model, generated);
    }

    static List<String> files(Path root) {
        try (var walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes every generated file under {@code out} (for the real parsers), and returns their paths. */
    static List<Path> write(Generated generated, Path out) throws IOException {
        var paths = new java.util.ArrayList<Path>();
        for (var e : generated.files().entrySet()) {
            Path file = out.resolve(e.getKey());
            Files.createDirectories(file.getParent());
            Files.write(file, e.getValue());
            paths.add(file);
        }
        return paths;
    }
}
