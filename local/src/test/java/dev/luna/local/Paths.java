package dev.luna.local;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository root, as Maven passes it to tests (falls back to the parent of the module directory). */
final class Paths {
    private Paths() {
    }

    static Path root() {
        String p = System.getProperty("luna.root");
        Path root = p != null && !p.isBlank() ? Path.of(p) : Path.of("").toAbsolutePath().getParent();
        if (!Files.exists(root.resolve("functions/catalog.json"))) {
            throw new IllegalStateException("cannot find the repository root from " + root);
        }
        return root;
    }
}
