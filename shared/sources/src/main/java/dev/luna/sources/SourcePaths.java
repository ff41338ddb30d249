package dev.luna.sources;

import dev.luna.core.ValidationException;
import java.util.ArrayList;

/**
 * The one rule for a file's path inside a source: relative, '/'-separated, no {@code ..} segment, no drive letter,
 * no NUL, at most {@link #MAX_CHARS} characters. Backslashes count as separators, and empty and {@code .} segments
 * are dropped. A name that breaks the rule is never written anywhere (zip-slip).
 */
public final class SourcePaths {
    public static final int MAX_CHARS = 1024;

    private SourcePaths() {
    }

    /** The normalised path, or a 400 naming {@code field} for a path that breaks the rule. */
    public static String normalise(String field, String name) {
        String problem = problem(name);
        if (problem != null) throw new ValidationException(field, problem);
        return normalised(name);
    }

    /** The normalised path, or null for a path that breaks the rule. */
    static String normaliseOrNull(String name) {
        return problem(name) == null ? normalised(name) : null;
    }

    /** What is wrong with the path ("must be relative: '/etc/passwd'"), or null when nothing is. */
    static String problem(String name) {
        if (name == null || name.isBlank()) return "must not be empty";
        String p = name.replace('\\', '/');
        if (p.startsWith("/") || p.matches("^[A-Za-z]:.*") || p.contains("\0")) return "must be relative: '" + shorten(name) + "'";
        var parts = segments(p);
        if (parts.contains("..")) return "must not contain '..': '" + shorten(name) + "'";
        if (parts.isEmpty()) return "must name a file: '" + shorten(name) + "'";
        if (String.join("/", parts).length() > MAX_CHARS) return "must be at most " + MAX_CHARS + " characters";
        return null;
    }

    /** How many directories the (normalised) path is nested in. */
    static int depth(String path) {
        int n = 0;
        for (int i = 0; i < path.length(); i++) if (path.charAt(i) == '/') n++;
        return n;
    }

    private static String normalised(String name) {
        return String.join("/", segments(name.replace('\\', '/')));
    }

    private static ArrayList<String> segments(String p) {
        var parts = new ArrayList<String>();
        for (String seg : p.split("/")) {
            if (seg.isEmpty() || seg.equals(".")) continue;
            parts.add(seg);
        }
        return parts;
    }

    static String shorten(String s) {
        return s.length() > 100 ? s.substring(0, 100) + "…" : s;
    }
}
