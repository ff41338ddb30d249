package dev.luna.workers.projectorganization.git;

import dev.luna.codebase.secrets.HistoryLimits;
import dev.luna.codebase.secrets.SecretScanner;
import dev.luna.workers.projectorganization.Confidence;
import dev.luna.workers.projectorganization.Finding;
import dev.luna.workers.projectorganization.Severity;
import dev.luna.workers.projectorganization.patch.PatchPlanner;
import dev.luna.workers.projectorganization.rules.JunkRules;
import dev.luna.workers.projectorganization.rules.Kinds;
import dev.luna.workers.projectorganization.rules.Stacks;
import dev.luna.workers.projectorganization.tree.GitSnapshot;
import dev.luna.workers.projectorganization.tree.Project;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The git check: committed junk, files the tree's .gitignore ignores, a missing or weak .gitignore, large blobs, secrets in history. */
public final class GitChecks {
    /** Findings plus figures for the report. */
    public record Result(List<Finding> findings, Map<String, Object> stats) {
    }

    private final Kinds kinds;
    private final JunkRules junk;
    private final GitignoreCheck gitignore;
    private final HistorySecrets secrets;

    public GitChecks(Kinds kinds, Stacks stacks, JunkRules junk, SecretScanner scanner) {
        this.kinds = kinds;
        this.junk = junk;
        this.gitignore = new GitignoreCheck(stacks, kinds);
        this.secrets = new HistorySecrets(scanner, kinds);
    }

    public Result run(Project project, Path gitDir, List<String> stacks, PatchPlanner planner) {
        var findings = new ArrayList<Finding>();
        var stats = new TreeMap<String, Object>();
        var ignoreFiles = GitignoreCheck.ignoreFiles(project);
        var ignore = new IgnoreRules(ignoreFiles);
        var untracked = new ArrayList<TrackedJunk.Group>();
        for (var g : TrackedJunk.groups(project)) {
            var f = TrackedJunk.finding(g, ignore, kinds);
            findings.add(f);
            if (TrackedJunk.removable(g) && planner.remove(PatchPlanner.Stage.UNTRACK, g.files(), f.id())) untracked.add(g);
        }
        findings.addAll(TrackedIgnored.check(project, ignore, junk, kinds));
        findings.addAll(gitignore.check(project, stacks, untracked, ignoreFiles, planner));
        var limits = project.limits();
        if (gitDir != null && project.snapshot() instanceof GitSnapshot git) {
            var blobs = new LargeBlobs(kinds).scan(git.repository(), limits.largeBlobBytes(), limits.maxCommits(), project::stopped);
            findings.addAll(blobs.findings());
            blobs.skipped().forEach(s -> project.skip(s.path(), s.reason()));
            stats.put("commitsWalked", blobs.commits());
            var history = secrets.scan(gitDir, new HistoryLimits(limits.maxCommits(), limits.maxHistoryBytes(), limits.maxFileBytes()),
                    project::stopped);
            findings.addAll(history.findings());
            history.skipped().forEach(s -> project.skip(s.path(), s.reason()));
        } else {
            for (var e : project.sources()) {
                if (e.size() < limits.largeBlobBytes()) continue;
                var severity = e.size() >= 50L << 20 ? Severity.HIGH : e.size() >= 10L << 20 ? Severity.MEDIUM : Severity.LOW;
                findings.add(kinds.finding("large-file", severity, e.path(), List.of(e.path()), e.path() + " is " + e.size()
                        + " bytes (threshold " + limits.largeBlobBytes() + "); once committed, every clone downloads it for ever.",
                        Confidence.HIGH, "keep it out of the repository: Git LFS, a release asset or a download at build time"));
            }
        }
        stats.put("gitignoreFiles", ignoreFiles.size());
        stats.put("junkGroups", findings.stream().filter(f -> f.kind().startsWith("tracked-") && !f.kind().equals("tracked-ignored-file")).count());
        return new Result(findings, stats);
    }
}
