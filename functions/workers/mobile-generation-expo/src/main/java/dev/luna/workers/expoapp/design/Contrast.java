package dev.luna.workers.expoapp.design;

import java.util.Locale;

/** WCAG 2.x contrast of two sRGB colours written as {@code #RGB}, {@code #RRGGBB} or {@code #RRGGBBAA} (alpha ignored). */
public final class Contrast {
    private Contrast() {
    }

    public static double ratio(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /** Relative luminance; throws on a colour that is not hex. */
    public static double luminance(String hex) {
        String h = expand(hex);
        double r = channel(Integer.parseInt(h.substring(0, 2), 16));
        double g = channel(Integer.parseInt(h.substring(2, 4), 16));
        double b = channel(Integer.parseInt(h.substring(4, 6), 16));
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    }

    /** {@code RRGGBB} in upper case, or null when {@code hex} is not a hex colour. */
    public static String normalise(String hex) {
        try {
            return expand(hex);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String expand(String hex) {
        String h = hex.strip();
        if (h.startsWith("#")) h = h.substring(1);
        if (!h.matches("[0-9a-fA-F]{3,8}") || !(h.length() == 3 || h.length() == 4 || h.length() == 6 || h.length() == 8)) {
            throw new IllegalArgumentException("not a hex colour: " + hex);
        }
        if (h.length() <= 4) h = "" + h.charAt(0) + h.charAt(0) + h.charAt(1) + h.charAt(1) + h.charAt(2) + h.charAt(2);
        return h.substring(0, 6).toUpperCase(Locale.ROOT);
    }

    private static double channel(int v) {
        double c = v / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
