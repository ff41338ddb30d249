package dev.luna.designsystem;

/**
 * A Dynamic Type text style at the default (Large) content size.
 *
 * @param name           the token name after UIKit, e.g. {@code title1}, {@code caption2}
 * @param swiftTextStyle the SwiftUI {@code Font.TextStyle} case, e.g. {@code title}, {@code caption}
 * @param size           point size
 * @param leading        line height in points
 * @param weight         CSS-style weight (400 regular, 600 semibold)
 * @param largeText      whether WCAG counts it as large text (≥ 18 pt, or ≥ 14 pt bold): 3:1 contrast suffices
 * @param description    what it is for
 */
public record TextStyle(String name, String swiftTextStyle, double size, double leading, int weight, boolean largeText,
                        String description) {
}
