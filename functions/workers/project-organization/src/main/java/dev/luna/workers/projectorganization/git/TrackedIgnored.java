package dev.luna.workers.projectorganization.git;

import dev.luna.workers.projectorganization.Confidence;
import dev.luna.workers.projectorganization.Finding;
import dev.luna.workers.projectorganization.rules.JunkRules;
import dev.luna.workers.projectorganization.rules.Kinds;
import dev.luna.workers.projectorganization.tree.Project;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Committed files that the tree's own {@code .gitignore} rules ignore (and no junk rule already reported), one
 * finding per rule. Usually added before the rule or with {@code git add -f}; sometimes on purpose, so medium
 * confidence and never in the patch.
 */
public final class TrackedIgnored {
    private TrackedIgnored() {
    }

    public static List<Finding> check(Project project, IgnoreRules ignore, JunkRules junk, Kinds kinds) {
        if (ignore.isEmpty()) return List.of();
        Map<String, List<String>> byRule = new TreeMap<>();
        for (var e : project.entries()) {
            if (project.stopped()) break;
            if (project.junk(e.path()) != null || junk.kept(e.path()) || e.name().equals(".gitignore")) continue;
            String rule = ignore.rule(e.path());
            if (rule != null) byRule.computeIfAbsent(rule, r -> new ArrayList<>()).add(e.path());
        }
        var out = new ArrayList<Finding>();
        byRule.forEach((rule, files) -> out.add(kinds.finding("tracked-ignored-file", rule, files,
                files.size() + (files.size() == 1 ? " committed file is" : " committed files are") + " ignored by " + rule
                        + ": git keeps tracking them, yet new files like them are never added. Either untrack them or narrow the rule.",
                Confidence.MEDIUM, "git rm --cached <file> for each, or add a \"!\" exception to the rule if they belong")));
        return out;
    }
}
