package dev.luna.workers.projectorganization.rules;

import dev.luna.workers.projectorganization.Confidence;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * What does not belong in a repository ({@code tracked-junk.tsv}: dependency folders, build outputs, local and
 * sensitive files) and what must never be reported ({@code keep.txt}).
 */
public final class JunkRules {
    /** One row of {@code tracked-junk.tsv}. */
    public record Rule(String match, String kind, Confidence confidence, List<String> requires, String ignore, Pattern pattern) {
        boolean dir() {
            return match.startsWith("dir:");
        }
    }

    /**
     * A file caught by a rule.
     *
     * @param unit the folder the rule names ({@code web/node_modules}) or, for file rules, the file itself
     */
    public record Match(Rule rule, String unit) {
    }

    private final List<Rule> rules = new ArrayList<>();
    private final List<Pattern> keep = new ArrayList<>();

    public JunkRules() {
        for (var row : Tsv.read("tracked-junk.tsv", 5)) {
            String value = row[0].substring(row[0].indexOf(':') + 1);
            rules.add(new Rule(row[0], row[1], Confidence.parse(row[2]), row[3].equals("-") ? List.of() : List.of(row[3].split("\\|")),
                    row[4], Globs.compile(value)));
        }
        for (var glob : Tsv.words("keep.txt")) keep.add(Globs.compile(glob));
    }

    public List<Rule> rules() {
        return List.copyOf(rules);
    }

    /** Whether a path is on the keep list. */
    public boolean kept(String path) {
        for (var p : keep) if (p.matcher(path).matches()) return true;
        return false;
    }

    /** The first rule that catches {@code path} (outer folders first), or null; {@code exists} says which files the tree has. */
    public Match match(String path, Predicate<String> exists) {
        if (kept(path)) return null;
        var segments = path.split("/");
        int offset = 0;
        for (int i = 0; i < segments.length - 1; i++) {
            String parent = path.substring(0, Math.max(0, offset - 1));
            for (var r : rules) {
                if (r.dir() && r.pattern().matcher(segments[i]).matches() && requirementMet(r, parent, exists)) {
                    return new Match(r, path.substring(0, offset + segments[i].length()));
                }
            }
            offset += segments[i].length() + 1;
        }
        String name = segments[segments.length - 1];
        for (var r : rules) {
            if (r.match().startsWith("file:") && r.pattern().matcher(name).matches()) return new Match(r, path);
            if (r.match().startsWith("path:") && (path.equals(r.match().substring(5)) || path.endsWith("/" + r.match().substring(5)))) {
                return new Match(r, path);
            }
        }
        return null;
    }

    private static boolean requirementMet(Rule r, String parent, Predicate<String> exists) {
        if (r.requires().isEmpty()) return true;
        String prefix = parent.isEmpty() ? "" : parent + "/";
        for (var f : r.requires()) if (exists.test(prefix + f)) return true;
        return false;
    }
}
