package dev.luna.workers.cloudflare.inventory;

import java.util.regex.Pattern;

/** Finds the line of a key or a value in a file's text, for file:line evidence of what a parser read without positions. */
final class Lines {
    private final String[] lines;

    Lines(String text) {
        this.lines = text.split("\n", -1);
    }

    /** 1-based line of the first line at or after {@code from} (1-based) that matches {@code regex}; {@code fallback} when none does. */
    int find(String regex, int from, int fallback) {
        var p = Pattern.compile(regex);
        for (int i = Math.max(0, from - 1); i < lines.length; i++) if (p.matcher(lines[i]).find()) return i + 1;
        return fallback;
    }

    /** The line of the YAML key {@code key} at or after {@code from}. */
    int key(String key, int from, int fallback) {
        return find("^\\s*-?\\s*[\"']?" + Pattern.quote(key) + "[\"']?\\s*:", from, fallback);
    }

    int count() {
        return lines.length;
    }

    String line(int oneBased) {
        return oneBased >= 1 && oneBased <= lines.length ? lines[oneBased - 1] : "";
    }
}
