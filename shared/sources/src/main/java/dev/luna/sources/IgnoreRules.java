package dev.luna.sources;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jgit.ignore.IgnoreNode;

/**
 * The {@code .gitignore} files of a source, applied as git applies them: the nearest file with a matching rule
 * decides (the root's last), a later rule of one file overrides an earlier one, {@code !pattern} re-includes, and a
 * file inside an ignored directory stays ignored whatever a negation says (git does not look inside it). Rules are
 * parsed by JGit's {@link IgnoreNode}. Paths inside a {@code .git} directory always count as ignored.
 */
final class IgnoreRules {
    /** No rules: nothing is ignored but {@code .git} directories. */
    static final IgnoreRules NONE = new IgnoreRules(Map.of());

    private final Map<String, IgnoreNode> byDirectory;
    private final Map<String, Boolean> ignoredDirectories = new HashMap<>();

    private IgnoreRules(Map<String, IgnoreNode> byDirectory) {
        this.byDirectory = byDirectory;
    }

    /** Rules from {@code .gitignore} contents keyed by the file's path ({@code .gitignore}, {@code src/.gitignore}). */
    static IgnoreRules parse(Map<String, byte[]> files) {
        var nodes = new HashMap<String, IgnoreNode>();
        for (var e : files.entrySet()) {
            var node = new IgnoreNode();
            try {
                node.parse(e.getKey(), new ByteArrayInputStream(e.getValue()));
            } catch (IOException ex) {
                continue; // an in-memory stream: not reached
            }
            String path = e.getKey();
            nodes.put(path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "", node);
        }
        return new IgnoreRules(nodes);
    }

    boolean isEmpty() {
        return byDirectory.isEmpty();
    }

    /** Whether the file at {@code path} (normalised, relative) is ignored. */
    boolean ignored(String path) {
        int slash = path.lastIndexOf('/');
        if (path.substring(slash + 1).equals(".git")) return true;
        if (slash > 0 && directoryIgnored(path.substring(0, slash))) return true;
        return matches(path, false);
    }

    private boolean directoryIgnored(String dir) {
        Boolean known = ignoredDirectories.get(dir);
        if (known != null) return known;
        int slash = dir.lastIndexOf('/');
        String name = dir.substring(slash + 1);
        boolean ignored = name.equals(".git") || (slash > 0 && directoryIgnored(dir.substring(0, slash))) || matches(dir, true);
        ignoredDirectories.put(dir, ignored);
        return ignored;
    }

    /** The verdict of the nearest .gitignore with a rule for the path, from its own directory up to the root. */
    private boolean matches(String path, boolean directory) {
        String dir = parent(path);
        while (true) {
            IgnoreNode node = byDirectory.get(dir);
            if (node != null) {
                Boolean verdict = node.checkIgnored(dir.isEmpty() ? path : path.substring(dir.length() + 1), directory);
                if (verdict != null) return verdict;
            }
            if (dir.isEmpty()) return false;
            dir = parent(dir);
        }
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }
}
