package dev.luna.codebase.source;

import java.util.Comparator;

/**
 * A file the analysis could not (fully) use, and why. Reported instead of thrown.
 *
 * @param path   relative, '/' separated
 * @param kind   {@code too-large}, {@code too-deep}, {@code unparseable}, {@code not-utf8} (read with replacement
 *               characters), {@code unreadable}, {@code not-analysed} (the run was stopped before this file)
 * @param detail a short reason, without absolute paths
 */
public record FileIssue(String path, String kind, String detail) {
    public static final Comparator<FileIssue> ORDER = Comparator.comparing(FileIssue::path).thenComparing(FileIssue::kind)
            .thenComparing(FileIssue::detail);

    public FileIssue {
        detail = detail == null ? "" : detail.length() > 200 ? detail.substring(0, 200) + "…" : detail;
    }
}
