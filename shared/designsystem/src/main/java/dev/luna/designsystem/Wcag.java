package dev.luna.designsystem;

/** WCAG 2.x contrast arithmetic on opaque sRGB colours written {@code #RRGGBB}. */
public final class Wcag {
    /** Minimum ratio for normal text (success criterion 1.4.3, level AA). */
    public static final double NORMAL_TEXT = 4.5;
    /** Minimum ratio for large text (≥ 18 pt, or ≥ 14 pt bold). */
    public static final double LARGE_TEXT = 3.0;

    private Wcag() {
    }

    /** Relative luminance, 0 (black) … 1 (white), as WCAG 2.x defines it. */
    public static double relativeLuminance(String hex) {
        int rgb = parse(hex);
        return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
    }

    /** Contrast ratio of two colours, 1 … 21, regardless of order. */
    public static double contrastRatio(String a, String b) {
        double la = relativeLuminance(a);
        double lb = relativeLuminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double channel(int value) {
        double c = (value & 0xFF) / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    static int parse(String hex) {
        if (hex == null || !hex.matches("#[0-9A-Fa-f]{6}")) {
            throw new IllegalArgumentException("not an opaque #RRGGBB colour: " + hex);
        }
        return Integer.parseInt(hex.substring(1), 16);
    }
}
