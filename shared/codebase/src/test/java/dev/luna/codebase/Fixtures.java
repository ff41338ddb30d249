package dev.luna.codebase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Loads the fixture projects under src/test/resources/fixtures and analyses them. */
public final class Fixtures {
    private Fixtures() {
    }

    public static Path root(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<String> files(Path root) {
        try (var walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Analyses any project directory (a fixture or a temporary tree). */
    public static ProjectModel analyse(Path root) {
        return new Codebase().analyse(root, files(root), () -> false);
    }

    static ProjectModel analyse(String name) {
        var root = root(name);
        return new Codebase().analyse(root, files(root), () -> false);
    }
}
