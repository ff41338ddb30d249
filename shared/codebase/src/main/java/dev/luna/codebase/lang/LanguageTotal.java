package dev.luna.codebase.lang;

/** Totals for one language: how many files and lines. */
public record LanguageTotal(String language, int files, long lines) {
}
