package dev.luna.sources;

import dev.luna.core.ErrorCode;
import dev.luna.core.LunaException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Decides, before anything is read, which entries of a listing are read and how much of each, and why the others
 * are left out. In order: unsafe names, the {@link FileSelection} (left out silently), links, submodules and special
 * entries, path depth, {@code .gitignore} rules, repeated paths, the {@link ReadPolicy} (too large, or only a head),
 * then the file and byte budgets — past which the source fails or the file is skipped, as
 * {@link SourceLimits#failOverBudget()} says.
 */
final class EntrySelector {
    /** What to read, and what was left out (in listing order). */
    record Selection(List<Listing.Wanted> wanted, List<SkippedFile> skipped) {
    }

    private final SourceLimits limits;
    private final ReadPolicy policy;

    EntrySelector(SourceLimits limits, ReadPolicy policy) {
        this.limits = limits;
        this.policy = policy;
    }

    Selection select(List<Entry> entries, FileSelection selection, IgnoreRules ignore) {
        var wanted = new ArrayList<Listing.Wanted>();
        var skipped = new ArrayList<SkippedFile>();
        var seen = new HashSet<String>();
        long total = 0;
        for (var e : entries) {
            String path = e.path();
            if (path == null) {
                skipped.add(skip(SourcePaths.shorten(e.name()), SkippedFile.Reason.UNSAFE_PATH, "not a safe relative path; not read"));
                continue;
            }
            if (!selection.selected(path)) continue;
            var refused = refusedKind(e);
            if (refused != null) {
                skipped.add(refused);
                continue;
            }
            if (SourcePaths.depth(path) > limits.maxPathDepth()) {
                skipped.add(skip(path, SkippedFile.Reason.TOO_DEEP, "nested deeper than " + limits.maxPathDepth() + " directories"));
                continue;
            }
            if (ignore != null && ignore.ignored(path)) {
                skipped.add(skip(path, SkippedFile.Reason.IGNORED, "ignored by .gitignore"));
                continue;
            }
            if (!seen.add(path)) {
                skipped.add(skip(path, SkippedFile.Reason.DUPLICATE, "listed more than once; the first copy was used"));
                continue;
            }
            int limit;
            switch (policy.decide(path, e.size())) {
                case ReadPolicy.Skip s -> {
                    skipped.add(skip(path, s.reason(), s.message()));
                    continue;
                }
                case ReadPolicy.Head h -> limit = (int) Math.min(h.bytes(), e.size());
                case ReadPolicy.Whole w -> limit = (int) Math.min(e.size(), Integer.MAX_VALUE - 8);
            }
            if (wanted.size() >= limits.maxFiles()) {
                if (limits.failOverBudget()) {
                    throw new LunaException(ErrorCode.PAYLOAD_TOO_LARGE, "more than " + limits.maxFiles()
                            + " files are selected; narrow them with include/exclude globs", Map.of("limitFiles", limits.maxFiles()));
                }
                skipped.add(skip(path, SkippedFile.Reason.OVER_FILE_BUDGET, "beyond the first " + limits.maxFiles() + " files"));
                continue;
            }
            if (total + limit > limits.maxTotalBytes()) {
                if (limits.failOverBudget()) {
                    throw new LunaException(ErrorCode.PAYLOAD_TOO_LARGE, "selected files exceed " + limits.maxTotalBytes()
                            + " bytes; narrow them with include/exclude globs", Map.of("limitBytes", limits.maxTotalBytes()));
                }
                skipped.add(skip(path, SkippedFile.Reason.OVER_BYTE_BUDGET, "beyond the " + limits.maxTotalBytes() + " bytes read in all"));
                continue;
            }
            total += limit;
            wanted.add(new Listing.Wanted(e, limit));
        }
        return new Selection(wanted, skipped);
    }

    private static SkippedFile refusedKind(Entry e) {
        return switch (e.kind()) {
            case FILE -> null;
            case SYMLINK -> skip(e.path(), SkippedFile.Reason.SYMLINK, "symbolic link; not followed");
            case HARD_LINK -> skip(e.path(), SkippedFile.Reason.HARD_LINK, "hard link; not followed");
            case SUBMODULE -> skip(e.path(), SkippedFile.Reason.SUBMODULE, "git submodule; not fetched");
            case SPECIAL -> skip(e.path(), SkippedFile.Reason.SPECIAL, "not a regular file (a device, a pipe or an unreadable entry); not read");
        };
    }

    private static SkippedFile skip(String path, SkippedFile.Reason reason, String message) {
        return new SkippedFile(path, reason, message);
    }
}
