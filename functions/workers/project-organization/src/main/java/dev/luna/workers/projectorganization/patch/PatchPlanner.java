package dev.luna.workers.projectorganization.patch;

import dev.luna.workers.projectorganization.PatchPlan;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Collects the changes the checks propose and orders them into the commits of {@code cleanup.patch}. A path is
 * changed once: the first stage that claims it keeps it. Removals stop at the patch's file budget, whole groups at a
 * time, so a finding is either fully in the patch or not at all.
 */
public final class PatchPlanner {
    /** The commits, in patch order, with their subject lines. */
    public enum Stage {
        IGNORE("Ignore build outputs, dependency folders and local files"),
        CONFIG("Add editor and formatter configuration"),
        DOCS("Add contributor documentation"),
        UNTRACK("Stop tracking build outputs, dependency folders and local files"),
        REMOVE_UNUSED("Remove unused files");

        private final String subject;

        Stage(String subject) {
            this.subject = subject;
        }

        public String subject() {
            return subject;
        }
    }

    private final int maxFiles;
    private final Map<Stage, Map<String, String>> changes = new EnumMap<>(Stage.class);
    private final Map<Stage, Set<String>> removals = new EnumMap<>(Stage.class);
    private final Map<Stage, Set<String>> findings = new EnumMap<>(Stage.class);
    private final Set<String> claimed = new HashSet<>();
    private int files;

    public PatchPlanner(int maxFiles) {
        this.maxFiles = maxFiles;
    }

    /** Adds or rewrites a file with {@code content}; false when the path is already claimed or the budget is spent. */
    public boolean write(Stage stage, String path, String content, String findingId) {
        if (claimed.contains(path) || files >= maxFiles) return false;
        claimed.add(path);
        files++;
        changes.computeIfAbsent(stage, s -> new TreeMap<>()).put(path, content);
        findings.computeIfAbsent(stage, s -> new TreeSet<>()).add(findingId);
        return true;
    }

    /** Records that an already planned change of {@code stage} also resolves {@code findingId}. */
    public void alsoResolves(Stage stage, String findingId) {
        findings.computeIfAbsent(stage, s -> new TreeSet<>()).add(findingId);
    }

    /** Removes all of {@code paths}, or none when that would pass the budget; paths already claimed are left out. */
    public boolean remove(Stage stage, Collection<String> paths, String findingId) {
        var fresh = new TreeSet<String>();
        for (var p : paths) if (!claimed.contains(p)) fresh.add(p);
        if (files + fresh.size() > maxFiles) return false;
        claimed.addAll(fresh);
        files += fresh.size();
        removals.computeIfAbsent(stage, s -> new TreeSet<>()).addAll(fresh);
        findings.computeIfAbsent(stage, s -> new TreeSet<>()).add(findingId);
        return true;
    }

    public boolean claimed(String path) {
        return claimed.contains(path);
    }

    /** The finding ids some commit resolves. */
    public Set<String> resolved() {
        var all = new TreeSet<String>();
        findings.values().forEach(all::addAll);
        return all;
    }

    public PatchPlan plan() {
        var commits = new ArrayList<PatchPlan.Commit>();
        for (var stage : Stage.values()) {
            var list = new TreeMap<String, PatchPlan.Change>();
            changes.getOrDefault(stage, Map.of()).forEach((p, c) -> list.put(p, new PatchPlan.Change(p, c)));
            removals.getOrDefault(stage, Set.of()).forEach(p -> list.put(p, new PatchPlan.Change(p, null)));
            if (list.isEmpty()) continue;
            var ids = List.copyOf(findings.getOrDefault(stage, Set.of()));
            var body = new StringBuilder("Proposed by Luna's project clean-up. It resolves:\n\n");
            for (var id : ids) body.append("- ").append(id).append('\n');
            commits.add(new PatchPlan.Commit(stage.subject(), body.toString(), List.copyOf(list.values()), ids));
        }
        return new PatchPlan(commits);
    }
}
