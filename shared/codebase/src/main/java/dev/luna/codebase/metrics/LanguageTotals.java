package dev.luna.codebase.metrics;

/** The sums over a language's files. */
public record LanguageTotals(String language, boolean code, int files, long lines, long codeLines, long commentLines, long blankLines,
                             long functions) {
}
