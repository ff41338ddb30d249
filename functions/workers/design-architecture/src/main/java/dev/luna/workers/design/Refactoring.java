package dev.luna.workers.design;

import java.util.List;

/**
 * A refactoring candidate with its evidence.
 *
 * @param kind       {@code cycle}, {@code layer-violation} or {@code god-class}
 * @param subject    what to change (components, or a type)
 * @param score      higher first; comparable within one run only
 * @param evidence   {@code file:line — why} lines
 * @param suggestion what to do about it
 */
record Refactoring(String kind, String subject, double score, String problem, List<String> evidence, String suggestion) {
    Refactoring {
        evidence = List.copyOf(evidence);
    }
}
