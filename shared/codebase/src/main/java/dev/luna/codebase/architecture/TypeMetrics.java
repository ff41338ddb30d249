package dev.luna.codebase.architecture;

/**
 * Size and coupling of one top-level Java type: a god-class candidate when large, or used by or using very many.
 *
 * @param fanIn  project types that refer to it
 * @param fanOut project types it refers to
 */
public record TypeMetrics(String type, String component, String file, int line, int lines, int methods, int fanIn, int fanOut) {
}
