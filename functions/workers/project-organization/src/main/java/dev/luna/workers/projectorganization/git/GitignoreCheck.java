package dev.luna.workers.projectorganization.git;

import dev.luna.workers.projectorganization.Confidence;
import dev.luna.workers.projectorganization.Finding;
import dev.luna.workers.projectorganization.patch.PatchPlanner;
import dev.luna.workers.projectorganization.rules.Kinds;
import dev.luna.workers.projectorganization.rules.Stacks;
import dev.luna.workers.projectorganization.tree.Project;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * A missing or weak {@code .gitignore}: each stack's template rule is wanted unless a probe path shows the existing
 * rules already ignore what it would, and so is the rule of every junk group the patch untracks. A rule that would
 * ignore a file the repository keeps tracking is left out (that would only hide later changes to it).
 */
public final class GitignoreCheck {
    private static final String ROOT = ".gitignore";
    private final Stacks stacks;
    private final Kinds kinds;

    public GitignoreCheck(Stacks stacks, Kinds kinds) {
        this.stacks = stacks;
        this.kinds = kinds;
    }

    /** One block of rules to write, under a comment line. */
    record Block(String title, List<String> rules) {
    }

    public List<Finding> check(Project project, List<String> detected, List<TrackedJunk.Group> untracked, Map<String, String> ignoreFiles,
                               PatchPlanner planner) {
        var current = new IgnoreRules(ignoreFiles);
        boolean missing = !ignoreFiles.containsKey("");
        var blocks = new ArrayList<Block>();
        var evidence = new ArrayList<String>();
        var taken = new LinkedHashSet<String>();
        for (var stack : detected) {
            var rules = new ArrayList<String>();
            for (var line : stacks.template(stack).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                if (line.startsWith("!")) {
                    if (missing) rules.add(line);
                    continue;
                }
                var probe = stacks.probes(stack).stream().filter(p -> p.rule().equals(line)).findFirst().orElseThrow();
                if (!missing && current.ignored(probe.path())) continue;
                if (taken.add(line)) {
                    rules.add(line);
                    if (!missing) evidence.add("\"" + line + "\" (" + stacks.stack(stack).title() + ": nothing ignores " + probe.path() + ")");
                }
            }
            if (rules.stream().anyMatch(r -> !r.startsWith("!"))) blocks.add(new Block(stacks.stack(stack).title(), rules));
        }
        var found = new ArrayList<String>();
        for (var g : untracked) {
            String rule = g.rule().ignore();
            if (current.ignored(g.files().getFirst()) || !taken.add(rule)) continue;
            found.add(rule);
            evidence.add("\"" + rule + "\" (" + g.subject() + " is committed and untracked by the patch)");
        }
        if (!found.isEmpty()) blocks.add(new Block("Found committed in this repository", found));
        var kept = keptTracked(project, planner);
        var dropped = new ArrayList<String>();
        blocks.replaceAll(b -> new Block(b.title(), b.rules().stream().filter(r -> {
            if (r.startsWith("!")) return true;
            String hit = wouldIgnore(r, kept);
            if (hit != null) dropped.add("\"" + r + "\" left out: the repository tracks " + hit);
            return hit == null;
        }).toList()));
        blocks.removeIf(b -> b.rules().stream().allMatch(r -> r.startsWith("!")));
        if (blocks.isEmpty() && !missing) return List.of();
        String id;
        String content;
        Finding finding;
        String rules = String.join("\n", evidence);
        if (missing) {
            var nested = ignoreFiles.keySet().stream().map(d -> d + "/.gitignore").sorted().toList();
            String text = "The project root has no .gitignore" + (nested.isEmpty() ? "" : " (only " + String.join(", ", nested) + ")")
                    + ", so build outputs, dependency folders and local files are easily committed. Detected stacks: "
                    + String.join(", ", detected) + ".";
            content = newFile(blocks);
            finding = kinds.finding("gitignore-missing", ROOT, List.of(ROOT), join(text, dropped), Confidence.HIGH,
                    "add a .gitignore with the rules of the detected stacks");
        } else {
            String existing = project.exactText(ROOT);
            content = existing == null ? null : appended(existing, blocks);
            String text = "The .gitignore lacks rules for the project's stacks or for committed junk:\n" + rules;
            if (existing == null) text += "\n(The .gitignore is not UTF-8 text within the size limit, so the patch leaves it alone.)";
            finding = kinds.finding("gitignore-weak", ROOT, List.of(ROOT), join(text, dropped), Confidence.HIGH,
                    "append the missing rules to .gitignore");
        }
        id = finding.id();
        if (content != null) planner.write(PatchPlanner.Stage.IGNORE, ROOT, content, id);
        for (var g : untracked) planner.alsoResolves(PatchPlanner.Stage.IGNORE, kinds.finding(g.kind(), g.subject(), List.of(), "", Confidence.HIGH, "").id());
        return List.of(finding);
    }

    private static String join(String text, List<String> dropped) {
        return dropped.isEmpty() ? text : text + "\n" + String.join("\n", dropped);
    }

    private static List<String> keptTracked(Project project, PatchPlanner planner) {
        var out = new ArrayList<String>();
        for (var e : project.entries()) if (!planner.claimed(e.path()) && !e.name().equals(ROOT)) out.add(e.path());
        return out;
    }

    /** The first kept file that {@code rule} alone would ignore, or null. */
    private static String wouldIgnore(String rule, List<String> kept) {
        var rules = new IgnoreRules(Map.of("", rule + "\n"));
        for (var p : kept) if (rules.ignored(p)) return p;
        return null;
    }

    static String newFile(List<Block> blocks) {
        var sb = new StringBuilder();
        for (var b : blocks) {
            if (!sb.isEmpty()) sb.append('\n');
            sb.append("# ").append(b.title()).append('\n');
            for (var r : b.rules()) sb.append(r).append('\n');
        }
        return sb.toString();
    }

    /** The existing text with the blocks appended, in its own line endings, its last line completed. */
    static String appended(String existing, List<Block> blocks) {
        String eol = existing.contains("\r\n") ? "\r\n" : "\n";
        var sb = new StringBuilder(existing);
        if (!existing.isEmpty() && !existing.endsWith("\n")) sb.append(eol);
        if (!existing.isEmpty()) sb.append(eol);
        sb.append("# Added by the project clean-up").append(eol);
        boolean first = true;
        for (var b : blocks) {
            if (!first) sb.append(eol);
            first = false;
            sb.append("# ").append(b.title()).append(eol);
            for (var r : b.rules()) sb.append(r).append(eol);
        }
        return sb.toString();
    }

    /** The {@code .gitignore} texts of the tree by folder ({@code ""} for the root); unreadable ones are left out. */
    public static Map<String, String> ignoreFiles(Project project) {
        Map<String, String> out = new LinkedHashMap<>();
        for (var e : project.entries()) {
            if (!e.name().equals(ROOT) || project.junk(e.path()) != null && !e.path().equals(ROOT)) continue;
            String text = project.text(e.path());
            if (text != null) out.put(e.dir(), text);
        }
        return out;
    }
}
