package dev.luna.codebase.architecture;

import dev.luna.codebase.Fixtures;
import dev.luna.codebase.ProjectModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Analyses a project directory (a fixture of the codebase module, or a temporary tree) and recovers its architecture. */
final class ArchitectureFixtures {
    private ArchitectureFixtures() {
    }

    static Path fixture(String name) {
        return Fixtures.root(name);
    }

    static List<String> files(Path root) {
        return Fixtures.files(root);
    }

    static ProjectModel model(Path root) {
        return Fixtures.analyse(root);
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
