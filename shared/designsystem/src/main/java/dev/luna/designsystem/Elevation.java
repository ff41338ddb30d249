package dev.luna.designsystem;

/**
 * A shadow level: black at {@code opacity}, offset downwards by {@code offsetY} with a {@code blur} radius.
 *
 * @param name        e.g. {@code level2}
 * @param offsetY     vertical offset in points
 * @param blur        blur radius in points
 * @param opacity     shadow opacity, 0..1
 * @param description what it is for
 */
public record Elevation(String name, double offsetY, double blur, double opacity, String description) {
}
