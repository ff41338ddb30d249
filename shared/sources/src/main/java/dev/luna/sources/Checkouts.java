package dev.luna.sources;

import dev.luna.store.AwsClients;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;

/**
 * Checks a source out into a fresh temporary directory for a task worker ({@link Checkout}), with the guards and
 * limits of {@link SourceLimits}:
 * <ul>
 *   <li>an archive with an unsafe entry name is refused (400), one with more than {@link SourceLimits#maxEntries()}
 *       entries or expanding beyond {@link SourceLimits#maxExpandedBytes()} too (413), while it is read;</li>
 *   <li>links, hard links, devices, submodules, files nested too deep, files with a binary extension or NUL bytes and
 *       files above the per-file limit are skipped, each with its reason;</li>
 *   <li>for inline, archive and s3 sources, the source's own {@code .gitignore} files (root and nested, negations
 *       included) leave files out, as do {@code .git} directories; for git sources the commit's tracked tree is the
 *       source, and the tracked files its {@code .gitignore} files match are reported in {@link GitHistory};</li>
 *   <li>past the file or byte budget files are skipped and reported (or, with {@link SourceLimits#failOverBudget()},
 *       the checkout fails with 413); more than {@link SourceLimits#maxEntries()} entries in any source fail it (413);</li>
 *   <li>a git source is fetched {@link GitSettings#historyDepth()} commits deep into {@code directory/repo.git}.</li>
 * </ul>
 * Failures are {@link dev.luna.core.LunaException}s naming fields under the given prefix; the directory is then
 * deleted. Otherwise the caller owns it and deletes it with {@link Checkout#close()}.
 */
public final class Checkouts {
    private static final int GITIGNORE_BYTES = 64 * 1024;

    private final Listings listings;
    private final SourceLimits limits;
    private final GitSettings git;

    /** @param aws the artifacts bucket for s3 sources (null: s3 sources are refused) */
    public Checkouts(GitSettings git, SourceLimits limits, AwsClients aws) {
        this.listings = new Listings(git, limits, aws);
        this.limits = limits;
        this.git = git;
    }

    /** Every file of the source (subject to its .gitignore files and the limits). */
    public Checkout checkout(Source source, String projectId, String prefix) {
        return checkout(source, projectId, prefix, FileSelection.ALL);
    }

    public Checkout checkout(Source source, String projectId, String prefix, FileSelection selection) {
        var directory = TempDirectories.create("luna-checkout-");
        try {
            var root = Files.createDirectory(directory.resolve("tree"));
            var gitDir = directory.resolve("repo.git");
            try (Listing listing = listings.open(source, projectId, prefix, gitDir, git.historyDepth())) {
                var rules = IgnoreRules.parse(gitignores(listing));
                boolean fromGit = listing instanceof GitTreeListing;
                var selected = new EntrySelector(limits, BinaryExtensions.checkoutPolicy(limits.maxFileBytes()))
                        .select(listing.entries(), selection, fromGit ? null : rules);
                var writer = new CheckoutWriter(root);
                listing.read(selected.wanted(), (w, bytes) -> writer.write(w.entry().path(), bytes));
                var skipped = new ArrayList<>(selected.skipped());
                skipped.addAll(writer.skipped());
                skipped.sort(SkippedFile.ORDER);
                GitHistory history = fromGit ? GitHistories.of((GitTreeListing) listing, gitDir, git.historyDepth(), rules) : null;
                String revision = history != null ? history.commit() : writer.contentRevision();
                return new Checkout(directory, root, writer.files(), skipped, writer.transcoded(), revision, history);
            }
        } catch (IOException e) {
            TempDirectories.delete(directory);
            throw new UncheckedIOException("could not check the source out: " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            TempDirectories.delete(directory);
            throw e;
        }
    }

    /** The contents of the listing's {@code .gitignore} files, by path. */
    private static HashMap<String, byte[]> gitignores(Listing listing) throws IOException {
        var wanted = new ArrayList<Listing.Wanted>();
        for (var e : listing.entries()) if (e.isGitignore()) wanted.add(new Listing.Wanted(e, (int) Math.min(e.size(), GITIGNORE_BYTES)));
        var out = new HashMap<String, byte[]>();
        listing.read(wanted, (w, bytes) -> out.putIfAbsent(w.entry().path(), bytes));
        return out;
    }
}
