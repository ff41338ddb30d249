package dev.luna.workers.expoapp;

import dev.luna.codebase.Codebase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Runs the deterministic core on a directory, as the worker does after its checkout. */
final class Generate {
    static final Path FIXTURES = Path.of("src/test/resources/fixtures");

    private Generate() {
    }

    static ExpoGenerator.Output run(Path root, ExpoOptions options) {
        var model = new Codebase().analyse(root, files(root), () -> false);
        var api = ExpoGenerator.api(model, root);
        return ExpoGenerator.generate(api, root, options);
    }

    /** Writes project.zip's files under {@code dir}; returns dir. */
    static Path write(ExpoGenerator.Output out, Path dir) {
        try {
            for (var e : out.files().entrySet()) {
                var file = dir.resolve(e.getKey());
                Files.createDirectories(file.getParent());
                Files.write(file, e.getValue());
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> files(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(ExpoGenerator.Output out, String path) {
        var bytes = out.files().get(path);
        if (bytes == null) throw new AssertionError(path + " not generated; files: " + out.files().keySet());
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }
}
