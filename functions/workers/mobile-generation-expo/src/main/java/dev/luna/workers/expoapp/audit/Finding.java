package dev.luna.workers.expoapp.audit;

/**
 * One violation.
 *
 * @param rule    the rule's id
 * @param file    path relative to the project root
 * @param line    1-based
 * @param snippet the line, trimmed and shortened
 * @param detail  what exactly (e.g. the measured contrast)
 * @param fix     the concrete fix for this place
 */
public record Finding(String rule, String file, int line, String snippet, String detail, String fix) {
}
