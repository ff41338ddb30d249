package dev.luna.workers.projectorganization.git;

import dev.luna.workers.projectorganization.Confidence;
import dev.luna.workers.projectorganization.Finding;
import dev.luna.workers.projectorganization.Severity;
import dev.luna.workers.projectorganization.Skipped;
import dev.luna.workers.projectorganization.rules.Kinds;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * Large blobs in history: each commit from HEAD (newest first, at most {@code maxCommits}) is compared with its first
 * parent, and every blob it introduces is measured by its object header alone (a 50 MB blob is never loaded).
 */
public final class LargeBlobs {
    private static final long HIGH = 50L << 20;
    private static final long MEDIUM = 10L << 20;
    private static final int MAX_SEEN = 100_000;

    /** What the walk found. */
    public record Result(List<Finding> findings, List<Skipped> skipped, int commits, boolean complete) {
    }

    private record Blob(String path, long size, String commit, int versions, boolean inHead) {
    }

    private final Kinds kinds;

    public LargeBlobs(Kinds kinds) {
        this.kinds = kinds;
    }

    public Result scan(Repository repo, long threshold, int maxCommits, BooleanSupplier stop) {
        var skipped = new ArrayList<Skipped>();
        Map<String, Blob> byPath = new TreeMap<>();
        Set<ObjectId> seen = new HashSet<>();
        int commits = 0;
        boolean complete = true;
        try (var reader = repo.newObjectReader(); var walk = new RevWalk(reader)) {
            ObjectId headId = repo.resolve(Constants.HEAD);
            if (headId == null) return new Result(List.of(), List.of(), 0, true);
            RevCommit head = walk.parseCommit(headId);
            var inHead = headBlobs(repo, head, threshold);
            walk.sort(RevSort.COMMIT_TIME_DESC);
            walk.markStart(head);
            for (RevCommit commit : walk) {
                if (stop.getAsBoolean() || commits >= maxCommits || seen.size() >= MAX_SEEN) {
                    complete = false;
                    skipped.add(new Skipped(".git", "history walk stopped after " + commits + " commits (limit " + maxCommits + ")"));
                    break;
                }
                commits++;
                try (var tw = new TreeWalk(repo, reader)) {
                    tw.setRecursive(true);
                    if (commit.getParentCount() > 0) {
                        tw.addTree(walk.parseCommit(commit.getParent(0)).getTree());
                        tw.addTree(commit.getTree());
                        tw.setFilter(TreeFilter.ANY_DIFF);
                    } else {
                        tw.addTree(commit.getTree());
                    }
                    int n = tw.getTreeCount() - 1;
                    while (tw.next()) {
                        var mode = tw.getFileMode(n);
                        if (mode != FileMode.REGULAR_FILE && mode != FileMode.EXECUTABLE_FILE) continue;
                        ObjectId id = tw.getObjectId(n);
                        if (seen.contains(id)) continue;
                        long size = reader.getObjectSize(id, Constants.OBJ_BLOB);
                        if (size < threshold) continue;
                        seen.add(id);
                        String path = tw.getPathString();
                        var old = byPath.get(path);
                        boolean head0 = inHead.contains(path);
                        byPath.put(path, old == null ? new Blob(path, size, commit.getName(), 1, head0)
                                : new Blob(path, Math.max(size, old.size()), commit.getName(), old.versions() + 1, head0));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            skipped.add(new Skipped(".git", "history could not be read: " + e.getClass().getSimpleName()));
            complete = false;
        }
        var findings = new ArrayList<Finding>();
        for (var b : byPath.values()) findings.add(finding(b, threshold));
        return new Result(findings, skipped, commits, complete);
    }

    private Finding finding(Blob b, long threshold) {
        var severity = b.size() >= HIGH ? Severity.HIGH : b.size() >= MEDIUM ? Severity.MEDIUM : Severity.LOW;
        String evidence = b.path() + " reaches " + b.size() + " bytes (threshold " + threshold + ")"
                + (b.versions() > 1 ? " in " + b.versions() + " versions" : "") + "; first added in commit " + b.commit().substring(0, 12)
                + (b.inHead() ? "; still in HEAD." : "; no longer in HEAD, yet every clone downloads it.");
        String proposal = (b.inHead() ? "move it to Git LFS or a release asset, then " : "")
                + "purge it from history: git filter-repo --invert-paths --path " + b.path();
        return kinds.finding("large-blob-in-history", severity, b.path(), List.of(b.path()), evidence, Confidence.HIGH, proposal);
    }

    private static Set<String> headBlobs(Repository repo, RevCommit head, long threshold) throws IOException {
        var out = new HashSet<String>();
        try (var reader = repo.newObjectReader(); var tw = new TreeWalk(repo, reader)) {
            tw.addTree(head.getTree());
            tw.setRecursive(true);
            while (tw.next()) {
                var mode = tw.getFileMode(0);
                if ((mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE)
                        && reader.getObjectSize(tw.getObjectId(0), Constants.OBJ_BLOB) >= threshold) {
                    out.add(tw.getPathString());
                }
            }
        }
        return out;
    }
}
