package dev.luna.workers.swift.lint;

import java.util.List;

/**
 * One HIG violation.
 *
 * @param rule    the rule id ({@code dev.luna.designsystem.HigRules})
 * @param file    the path relative to the analysed root
 * @param line    1-based
 * @param message what is wrong here
 * @param edits   the redesign's changes for it (may be empty: the fix is manual)
 */
public record Finding(String rule, String file, int line, String message, List<Edit> edits) {
    public Finding {
        edits = List.copyOf(edits);
    }

    /** Replace {@code [start, end)} of the file with {@code text}; an insertion when start == end. */
    public record Edit(int start, int end, String text) {
    }
}
