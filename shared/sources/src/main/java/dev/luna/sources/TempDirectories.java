package dev.luna.sources;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.util.FileUtils;
import org.slf4j.LoggerFactory;

/** Fresh temporary directories for fetches and checkouts, and their removal. */
final class TempDirectories {
    private TempDirectories() {
    }

    static Path create(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("no temporary directory: " + e.getMessage(), e);
        }
    }

    /** Deletes the directory and everything in it; a failure is logged, not thrown. */
    static void delete(Path dir) {
        try {
            FileUtils.delete(dir.toFile(), FileUtils.RECURSIVE | FileUtils.RETRY | FileUtils.SKIP_MISSING);
        } catch (IOException e) {
            LoggerFactory.getLogger(TempDirectories.class).warn("could not delete {}: {}", dir, e.toString());
        }
    }
}
