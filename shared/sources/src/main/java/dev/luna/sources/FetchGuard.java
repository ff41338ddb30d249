package dev.luna.sources;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.ProgressMonitor;

/** Cancels a git fetch past its deadline or once the repository on disk grows beyond its limit; says which. */
final class FetchGuard implements ProgressMonitor {
    private final Path dir;
    private final long maxBytes;
    private final long deadline;
    private long updates;
    private volatile String stopped;

    FetchGuard(Path dir, long maxBytes, long deadlineNanos) {
        this.dir = dir;
        this.maxBytes = maxBytes;
        this.deadline = deadlineNanos;
    }

    /** Why the fetch was cancelled, or null while it was not. */
    String stopped() {
        return stopped;
    }

    @Override
    public boolean isCancelled() {
        if (stopped != null) return true;
        if (System.nanoTime() > deadline) stopped = "it took longer than the clone timeout (" + GitSettings.TIMEOUT + ")";
        else if (updates++ % 64 == 0 && size() > maxBytes) stopped = "the repository is larger than " + maxBytes + " bytes (" + GitSettings.MAX_BYTES + ")";
        return stopped != null;
    }

    private long size() {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    @Override
    public void start(int totalTasks) {
    }

    @Override
    public void beginTask(String title, int totalWork) {
    }

    @Override
    public void update(int completed) {
    }

    @Override
    public void endTask() {
    }

    @Override
    public void showDuration(boolean enabled) {
    }
}
