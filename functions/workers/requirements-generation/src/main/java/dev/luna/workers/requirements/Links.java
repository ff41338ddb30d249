package dev.luna.workers.requirements;

import dev.luna.codebase.lang.SourceFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Makes evidence links that resolve: only files of the analysed revision, line ranges clamped into the file (a range
 * that starts past the end is dropped). Every requirement is built from links made here.
 */
final class Links {
    /** Most links one requirement carries (the first ones by file and line). */
    static final int MAX_PER_REQUIREMENT = 20;
    private final Map<String, Integer> lines = new HashMap<>();

    Links(List<SourceFile> files) {
        for (var f : files) lines.put(f.path(), f.lines());
    }

    /** The link, or null when the file is not in the revision or the range does not fit it. */
    Link of(String file, int startLine, int endLine) {
        Integer n = lines.get(file);
        if (n == null || n == 0) return null;
        int start = Math.max(1, startLine);
        if (start > n) return null;
        int end = Math.min(n, Math.max(start, endLine));
        return new Link(file, start, end);
    }

    /** {@code candidates} that resolve, sorted, distinct, at most {@link #MAX_PER_REQUIREMENT}. */
    static List<Link> clean(List<Link> candidates) {
        var set = new TreeSet<Link>(Link.ORDER);
        for (var l : candidates) if (l != null) set.add(l);
        var out = new ArrayList<Link>();
        for (var l : set) {
            if (out.size() == MAX_PER_REQUIREMENT) break;
            out.add(l);
        }
        return out;
    }

    /** Whether {@code link} resolves (file in the revision, range inside it). */
    boolean resolves(Link link) {
        Integer n = lines.get(link.file());
        return n != null && link.startLine() >= 1 && link.endLine() >= link.startLine() && link.endLine() <= n;
    }
}
