package dev.luna.codebase.architecture;

/**
 * Robert C. Martin's package metrics for one component.
 *
 * @param afferent     components that depend on it (Ca)
 * @param efferent     components it depends on (Ce)
 * @param instability  Ce / (Ca + Ce), 0 when both are 0
 * @param abstractness abstract types / types (Java), 0 otherwise
 * @param distance     |A + I − 1|, the distance from the main sequence
 */
public record Metrics(String component, int afferent, int efferent, double instability, double abstractness, double distance,
                      int files, long lines, int types) {
}
