package dev.luna.sources;

import dev.luna.core.ValidationException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;

/**
 * Which files of a source are wanted: {@code include} globs (none: every file) minus {@code exclude} globs, matched
 * against the '/'-separated relative path with {@link java.nio.file.FileSystem#getPathMatcher} glob syntax
 * ({@code **.java}, {@code src/**}, {@code docs/*.md}). Files left out this way are not reported as skipped.
 */
public final class FileSelection {
    public static final int MAX_GLOBS = 50;
    public static final int MAX_GLOB_CHARS = 300;
    /** Every file. */
    public static final FileSelection ALL = new FileSelection(List.of(), List.of());

    private final List<PathMatcher> include;
    private final List<PathMatcher> exclude;

    private FileSelection(List<PathMatcher> include, List<PathMatcher> exclude) {
        this.include = include;
        this.exclude = exclude;
    }

    /** Globs already checked with {@link #check} (null lists: none). */
    public static FileSelection of(List<String> include, List<String> exclude) {
        return new FileSelection(matchers(include), matchers(exclude));
    }

    public boolean selected(String path) {
        Path p = Path.of(path);
        if (!include.isEmpty() && include.stream().noneMatch(m -> m.matches(p))) return false;
        return exclude.stream().noneMatch(m -> m.matches(p));
    }

    /** A 400 naming {@code field} for more than {@link #MAX_GLOBS} globs, an empty or overlong one, or one that does not parse. */
    public static void check(String field, List<String> globs) {
        if (globs == null) return;
        if (globs.size() > MAX_GLOBS) throw new ValidationException(field, "must have at most " + MAX_GLOBS + " globs");
        for (String g : globs) {
            if (g == null || g.isBlank() || g.length() > MAX_GLOB_CHARS) {
                throw new ValidationException(field, "globs must be 1 to " + MAX_GLOB_CHARS + " characters");
            }
            try {
                FileSystems.getDefault().getPathMatcher("glob:" + g);
            } catch (IllegalArgumentException e) {
                throw new ValidationException(field, "'" + g + "' is not a valid glob");
            }
        }
    }

    private static List<PathMatcher> matchers(List<String> globs) {
        if (globs == null) return List.of();
        return globs.stream().map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
    }
}
