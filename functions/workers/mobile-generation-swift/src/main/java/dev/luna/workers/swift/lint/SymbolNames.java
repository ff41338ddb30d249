package dev.luna.workers.swift.lint;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What VoiceOver should say for an SF Symbol used as an icon-only control. */
final class SymbolNames {
    private static final Map<String, String> KNOWN = Map.ofEntries(Map.entry("plus", "Add"), Map.entry("trash", "Delete"),
            Map.entry("xmark", "Close"), Map.entry("gear", "Settings"), Map.entry("gearshape", "Settings"), Map.entry("square.and.arrow.up", "Share"),
            Map.entry("magnifyingglass", "Search"), Map.entry("pencil", "Edit"), Map.entry("square.and.pencil", "Compose"), Map.entry("heart", "Favorite"),
            Map.entry("star", "Favorite"), Map.entry("ellipsis", "More"), Map.entry("chevron.left", "Back"), Map.entry("chevron.right", "Next"),
            Map.entry("line.3.horizontal.decrease", "Filter"), Map.entry("line.3.horizontal", "Menu"), Map.entry("person", "Profile"),
            Map.entry("bell", "Notifications"), Map.entry("info", "Info"), Map.entry("arrow.clockwise", "Refresh"), Map.entry("cart", "Cart"),
            Map.entry("paperplane", "Send"), Map.entry("play", "Play"), Map.entry("pause", "Pause"), Map.entry("bookmark", "Bookmark"),
            Map.entry("checkmark", "Done"), Map.entry("minus", "Remove"), Map.entry("photo", "Photo"), Map.entry("camera", "Camera"));

    private SymbolNames() {
    }

    /** {@code trash.fill} → {@code Delete}; an unknown symbol → its words ({@code bag.badge.plus} → {@code Bag badge plus}). */
    static String label(String symbol) {
        String base = symbol;
        for (String suffix : List.of(".fill", ".circle", ".square", ".slash")) {
            while (base.endsWith(suffix)) base = base.substring(0, base.length() - suffix.length());
        }
        if (KNOWN.containsKey(base)) return KNOWN.get(base);
        String words = base.replaceAll("[^A-Za-z0-9]+", " ").strip().toLowerCase(Locale.ROOT);
        if (words.isEmpty()) return "Button";
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
