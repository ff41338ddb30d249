package dev.luna.codebase.endpoint;

/** Joins and normalises endpoint paths to the {@code /a/{id}} form. */
public final class Paths {
    private Paths() {
    }

    /** Joins path pieces with single slashes; an empty result is "/". */
    public static String join(String... parts) {
        var sb = new StringBuilder();
        for (var p : parts) {
            if (p == null || p.isEmpty()) continue;
            for (var seg : p.split("/")) {
                if (seg.isEmpty()) continue;
                sb.append('/').append(seg);
            }
        }
        return sb.isEmpty() ? "/" : sb.toString();
    }

    /**
     * Normalises parameter syntax: JAX-RS/Spring {@code {id: [0-9]+}} → {@code {id}}, Express {@code :id} and
     * {@code :id?} → {@code {id}}, Flask {@code <int:id>} → {@code {id}}, Next.js {@code [id]} → {@code {id}},
     * {@code [...slug]} and {@code [[...slug]]} → {@code {slug*}}, Spring {@code {*rest}} → {@code {rest*}}.
     */
    public static String normalize(String path) {
        var sb = new StringBuilder();
        for (var seg : join(path).split("/")) {
            if (seg.isEmpty()) continue;
            sb.append('/').append(segment(seg));
        }
        return sb.isEmpty() ? "/" : sb.toString();
    }

    private static String segment(String seg) {
        if (seg.startsWith("[[...") && seg.endsWith("]]")) return "{" + seg.substring(5, seg.length() - 2) + "*}";
        if (seg.startsWith("[...") && seg.endsWith("]")) return "{" + seg.substring(4, seg.length() - 1) + "*}";
        if (seg.startsWith("[") && seg.endsWith("]")) return "{" + seg.substring(1, seg.length() - 1) + "}";
        if (seg.startsWith(":")) {
            String name = seg.substring(1).replaceAll("[?*+]$", "").replaceAll("\\(.*\\)$", "");
            return "{" + name + "}";
        }
        if (seg.equals("*")) return "{wildcard*}";
        var sb = new StringBuilder();
        int i = 0;
        while (i < seg.length()) {
            char c = seg.charAt(i);
            if (c == '{') {
                int end = matching(seg, i);
                String inner = seg.substring(i + 1, end);
                int colon = inner.indexOf(':');
                String name = (colon < 0 ? inner : inner.substring(0, colon)).trim();
                sb.append(name.startsWith("*") ? "{" + name.substring(1) + "*}" : "{" + name + "}");
                i = end + 1;
            } else if (c == '<') {
                int end = seg.indexOf('>', i);
                if (end < 0) end = seg.length() - 1;
                String inner = seg.substring(i + 1, end);
                String name = inner.substring(inner.lastIndexOf(':') + 1).trim();
                sb.append(inner.startsWith("path:") ? "{" + name + "*}" : "{" + name + "}");
                i = end + 1;
            } else {
                sb.append(c);
                i++;
            }
        }
        return sb.toString();
    }

    private static int matching(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            if (s.charAt(i) == '{') depth++;
            else if (s.charAt(i) == '}' && --depth == 0) return i;
        }
        return s.length() - 1;
    }
}
