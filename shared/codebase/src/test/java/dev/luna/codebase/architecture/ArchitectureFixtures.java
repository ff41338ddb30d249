package dev.luna.codebase.architecture;

import dev.luna.codebase.Codebase;
import dev.luna.codebase.ProjectModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Analyses a project directory (a fixture of the codebase module, or a temporary tree) and recovers its architecture. */
final class ArchitectureFixtures {
    private ArchitectureFixtures() {
    }

    static Path fixture(String name) {
        try {
            return Path.of(ArchitectureFixtures.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> files(Path root) {
        try (var walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ProjectModel model(Path root) {
        return new Codebase().analyse(root, files(root), () -> false);
    }

    static ArchitectureModel recover(Path root) {
        return new Architecture().recover(model(root), root, () -> false);
    }

    static void write(Path root, String path, String text) {
        try {
            var file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
