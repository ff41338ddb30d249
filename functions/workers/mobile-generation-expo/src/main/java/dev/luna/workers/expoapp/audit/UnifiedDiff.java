package dev.luna.workers.expoapp.audit;

import java.util.List;

/** Git-style unified diffs: one whole-file hunk per changed file (applies with {@code git apply}), and new files. */
final class UnifiedDiff {
    private static final String NO_NEWLINE = "\\ No newline at end of file\n";

    private UnifiedDiff() {
    }

    /** A diff turning {@code before} into {@code after} (both split on '\n'; a missing final newline is kept as such). */
    static String modified(String path, String before, String after) {
        var old = lines(before);
        var now = lines(after);
        var sb = new StringBuilder();
        sb.append("diff --git a/").append(path).append(" b/").append(path).append('\n');
        sb.append("--- a/").append(path).append('\n').append("+++ b/").append(path).append('\n');
        sb.append("@@ -").append(range(old.size())).append(" +").append(range(now.size())).append(" @@\n");
        int i = 0;
        int j = 0;
        boolean oldEndsNl = before.endsWith("\n");
        boolean newEndsNl = after.endsWith("\n");
        // the edits replace lines one for one and insert lines: walk both, matching equal lines
        while (i < old.size() || j < now.size()) {
            if (i < old.size() && j < now.size() && old.get(i).equals(now.get(j)) && !(i == old.size() - 1 && oldEndsNl != newEndsNl)) {
                sb.append(' ').append(old.get(i)).append('\n');
                if (i == old.size() - 1 && !oldEndsNl) sb.append(NO_NEWLINE);
                i++;
                j++;
            } else if (j < now.size() && (i >= old.size() || old.size() - i < now.size() - j)) {
                sb.append('+').append(now.get(j)).append('\n');
                if (j == now.size() - 1 && !newEndsNl) sb.append(NO_NEWLINE);
                j++;
            } else {
                sb.append('-').append(old.get(i)).append('\n');
                if (i == old.size() - 1 && !oldEndsNl) sb.append(NO_NEWLINE);
                i++;
                if (j < now.size()) {
                    sb.append('+').append(now.get(j)).append('\n');
                    if (j == now.size() - 1 && !newEndsNl) sb.append(NO_NEWLINE);
                    j++;
                }
            }
        }
        return sb.toString();
    }

    static String added(String path, String content) {
        var now = lines(content);
        var sb = new StringBuilder();
        sb.append("diff --git a/").append(path).append(" b/").append(path).append('\n').append("new file mode 100644\n");
        sb.append("--- /dev/null\n+++ b/").append(path).append('\n');
        sb.append("@@ -0,0 +").append(range(now.size())).append(" @@\n");
        for (var l : now) sb.append('+').append(l).append('\n');
        if (!content.endsWith("\n")) sb.append(NO_NEWLINE);
        return sb.toString();
    }

    private static String range(int n) {
        return n == 0 ? "0,0" : n == 1 ? "1" : "1," + n;
    }

    private static List<String> lines(String text) {
        if (text.isEmpty()) return List.of();
        String t = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return List.of(t.split("\n", -1));
    }
}
