package dev.luna.sources;

import java.nio.file.Path;
import java.util.List;

/**
 * A source checked out into a fresh temporary directory for a task worker. Nothing in it was executed, and nothing in
 * it is a link: every file was written by the checkout from bytes it read.
 *
 * @param directory   the temporary directory the caller owns: {@link #close()} deletes it
 * @param root        {@code directory/tree}: the analysable files, and nothing else
 * @param files       the analysable text files under {@code root}, relative, '/'-separated, sorted by {@link String#compareTo};
 *                    every one valid UTF-8 on disk (see {@code transcoded})
 * @param skipped     what was left out and why, sorted by path then reason ({@link SkippedFile#ORDER})
 * @param transcoded  files (also in {@code files}) that were not valid UTF-8: decoded as ISO-8859-1 (every byte is a
 *                    character, so nothing is lost and lines stay where they were) and written as UTF-8; sorted
 * @param revision    the git commit id (40 hex digits), or for other sources {@code sha256:<hex>} over the sorted
 *                    {@code path NUL sha256(content) LF} lines of the files written: the same files give the same revision
 * @param git         for git sources, the fetched repository with its history; null otherwise
 */
public record Checkout(Path directory, Path root, List<String> files, List<SkippedFile> skipped, List<String> transcoded, String revision,
                       GitHistory git) implements AutoCloseable {
    public Checkout {
        files = List.copyOf(files);
        skipped = List.copyOf(skipped);
        transcoded = List.copyOf(transcoded);
    }

    public boolean isGit() {
        return git != null;
    }

    /** Deletes the directory and everything in it (a failure is logged, not thrown). */
    @Override
    public void close() {
        TempDirectories.delete(directory);
    }
}
