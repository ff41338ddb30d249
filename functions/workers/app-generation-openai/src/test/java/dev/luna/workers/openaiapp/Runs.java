package dev.luna.workers.openaiapp;

import dev.luna.testkit.Txtar;
import dev.luna.codebase.Codebase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Runs the deterministic core on a folder as the worker does (project model, API, generation), and writes outputs out for the toolchains. */
final class Runs {
    private Runs() {
    }

    static GeneratedApp generate(Path root, AppOptions options) throws IOException {
        var model = new Codebase().analyse(root, files(root), () -> false);
        return AppGenerator.generate(AppGenerator.api(model, root), options);
    }

    static GeneratedApp fixture(String name, Path dir, AppOptions options) throws IOException {
        Txtar.write(name, dir);
        return generate(dir, options);
    }

    /** Writes {@code files} (path → bytes) under {@code dir}. */
    static Path write(Map<String, byte[]> files, Path dir) throws IOException {
        for (var e : files.entrySet()) {
            var file = dir.resolve(e.getKey());
            Files.createDirectories(file.getParent());
            Files.write(file, e.getValue());
        }
        return dir;
    }

    static List<String> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.startsWith(".git/") && !p.contains("node_modules/") && !p.contains("target/")).sorted().toList();
        }
    }
}
