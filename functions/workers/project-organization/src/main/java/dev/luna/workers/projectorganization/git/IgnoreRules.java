package dev.luna.workers.projectorganization.git;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.ignore.FastIgnoreRule;
import org.eclipse.jgit.ignore.IgnoreNode;

/**
 * The {@code .gitignore} files of a tree, matched as git does: a file is ignored when one of its folders is, or when
 * the deepest {@code .gitignore} with a matching rule says so (the last matching rule of a file wins, {@code !}
 * re-includes). Repository-local excludes ({@code .git/info/exclude}, global excludes) are not part of the tree and
 * are not read.
 */
public final class IgnoreRules {
    private final Map<String, List<FastIgnoreRule>> byDir = new TreeMap<>();

    /** @param files {@code .gitignore} texts by the folder that holds them ({@code ""} for the root) */
    public IgnoreRules(Map<String, String> files) {
        files.forEach((dir, text) -> {
            var node = new IgnoreNode();
            try {
                node.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            byDir.put(dir, List.copyOf(node.getRules()));
        });
    }

    public boolean isEmpty() {
        return byDir.values().stream().allMatch(List::isEmpty);
    }

    /** Whether git would ignore {@code path} (a file) if it were not tracked. */
    public boolean ignored(String path) {
        return rule(path) != null;
    }

    /** The rule that ignores {@code path} ({@code "node_modules/" in .gitignore}), or null when it is not ignored. */
    public String rule(String path) {
        var segments = path.split("/");
        var prefix = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) prefix.append('/');
            prefix.append(segments[i]);
            boolean dir = i < segments.length - 1;
            var verdict = verdict(prefix.toString(), dir);
            if (verdict != null) return verdict;
        }
        return null;
    }

    /** The ignoring rule of one candidate, checking the deepest .gitignore first; null when none ignores it. */
    private String verdict(String candidate, boolean directory) {
        var dirs = new ArrayList<String>();
        for (String d = parent(candidate); ; d = parent(d)) {
            dirs.add(d);
            if (d.isEmpty()) break;
        }
        for (var d : dirs) {
            var rules = byDir.get(d);
            if (rules == null) continue;
            String rel = d.isEmpty() ? candidate : candidate.substring(d.length() + 1);
            for (int i = rules.size() - 1; i >= 0; i--) {
                var r = rules.get(i);
                if (r.isMatch(rel, directory, true)) {
                    if (!r.getResult()) return null;
                    return "\"" + r + "\" in " + (d.isEmpty() ? "" : d + "/") + ".gitignore";
                }
            }
        }
        return null;
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }
}
