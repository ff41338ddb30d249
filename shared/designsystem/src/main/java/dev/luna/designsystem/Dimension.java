package dev.luna.designsystem;

/**
 * A named length in points (spacing step, corner radius, minimum hit target).
 *
 * @param name        the token name, e.g. {@code m}
 * @param points      the length in points
 * @param description what it is for
 */
public record Dimension(String name, double points, String description) {
}
