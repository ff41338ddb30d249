package dev.luna.workers.projectorganization.tree;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Where names are mentioned as words in the project's text files (read once, within the text budget): class names,
 * file names and stems. A word is a run of letters, digits, {@code _ $ . -}; it counts as a mention of each of its
 * dot-separated parts and of each run of up to four consecutive parts ({@code com.acme.Foo} mentions {@code Foo},
 * {@code ./img/logo.png} mentions {@code logo.png} and {@code logo}).
 */
public final class Mentions {
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_$][A-Za-z0-9_$.\\-]*");
    private static final int MAX_FILES_PER_TERM = 5;
    private static final int MAX_PARTS = 4;

    private final Map<String, Set<String>> where = new HashMap<>();

    /** Scans the project's own text files for {@code terms}. */
    public Mentions(Project project, Collection<String> terms) {
        var wanted = new HashSet<>(terms);
        if (wanted.isEmpty()) return;
        for (var e : project.sources()) {
            if (project.stopped()) {
                project.skip(".", "stopped: names were searched in part of the files only");
                break;
            }
            String text = project.text(e.path());
            if (text == null) continue;
            var m = WORD.matcher(text);
            var seen = new HashSet<String>();
            while (m.find()) {
                String word = m.group();
                if (wanted.contains(word)) seen.add(word);
                if (word.indexOf('.') < 0) continue;
                var parts = word.split("\\.");
                for (int i = 0; i < parts.length; i++) {
                    var sb = new StringBuilder();
                    for (int j = i; j < parts.length && j < i + MAX_PARTS; j++) {
                        if (j > i) sb.append('.');
                        sb.append(parts[j]);
                        String t = sb.toString();
                        if (wanted.contains(t)) seen.add(t);
                    }
                }
            }
            for (var t : seen) {
                var files = where.computeIfAbsent(t, k -> new TreeSet<>());
                if (files.size() < MAX_FILES_PER_TERM || files.contains(e.path())) files.add(e.path());
            }
        }
    }

    /** Up to five files that mention {@code term}, other than {@code except}, sorted. */
    public Set<String> in(String term, String except) {
        var out = new TreeSet<>(where.getOrDefault(term, Set.of()));
        out.remove(except);
        return out;
    }
}
