package dev.luna.sources;

import dev.luna.store.AwsClients;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a source's files into memory, with the limits and guards of {@link SourceLimits} and a {@link ReadPolicy}
 * per file (RAG indexing). A git source is fetched one commit deep into a temporary directory, deleted afterwards.
 * Nothing is decoded here: binary and non-UTF-8 files are the caller's to judge ({@link TextContent}).
 */
public final class SourceReader {
    /**
     * @param files    the files read, in the source's order
     * @param skipped  what was left out and why, in the source's order
     * @param revision the commit read, for git sources (null otherwise)
     */
    public record Contents(List<SourceFile> files, List<SkippedFile> skipped, String revision) {
    }

    private final Listings listings;
    private final SourceLimits limits;

    /** @param aws the artifacts bucket for s3 sources (null: s3 sources are refused) */
    public SourceReader(GitSettings git, SourceLimits limits, AwsClients aws) {
        this.listings = new Listings(git, limits, aws);
        this.limits = limits;
    }

    /** The selected files of the source; failures are {@link dev.luna.core.LunaException}s naming fields under {@code prefix}. */
    public Contents read(Source source, String projectId, String prefix, FileSelection selection, ReadPolicy policy) {
        boolean git = source != null && Source.GIT.equals(source.type());
        Path dir = git ? TempDirectories.create("luna-git-") : null;
        try (Listing listing = listings.open(source, projectId, prefix, dir, 1)) {
            var selected = new EntrySelector(limits, policy).select(listing.entries(), selection, null);
            var files = new ArrayList<SourceFile>(selected.wanted().size());
            listing.read(selected.wanted(), (w, bytes) -> files.add(new SourceFile(w.entry().path(), bytes,
                    w.limit() < w.entry().size() ? w.entry().size() : bytes.length)));
            String revision = listing instanceof GitTreeListing tree ? tree.commit().name() : null;
            return new Contents(files, selected.skipped(), revision);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the source: " + e.getMessage(), e);
        } finally {
            if (dir != null) TempDirectories.delete(dir);
        }
    }
}
