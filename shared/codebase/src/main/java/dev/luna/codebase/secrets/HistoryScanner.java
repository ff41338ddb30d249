package dev.luna.codebase.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/**
 * Scans the lines each commit added (its diff against its first parent; the whole tree for a root commit). Reads
 * git objects only: nothing is checked out and no hook or filter of the repository runs.
 */
final class HistoryScanner {
    private final TextScanner text;
    private final HistoryLimits limits;

    HistoryScanner(TextScanner text, HistoryLimits limits) {
        this.text = text;
        this.limits = limits;
    }

    private record Key(String rule, String path, String secretHash) {
    }

    private record Found(SecretFinding finding, String secretHash) {
    }

    SecretScan scan(Path gitDir, BooleanSupplier stop) {
        var skipped = new ArrayList<SecretScan.Skipped>();
        Path dir = Files.isDirectory(gitDir.resolve(".git")) ? gitDir.resolve(".git") : gitDir;
        try (Repository repo = new FileRepositoryBuilder().setGitDir(dir.toFile()).setMustExist(true).build();
             RevWalk walk = new RevWalk(repo);
             ObjectReader reader = repo.newObjectReader();
             DiffFormatter diffs = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
            ObjectId head = repo.resolve("HEAD");
            if (head == null) return new SecretScan(List.of(), List.of(), true, 0, 0, 0);
            diffs.setRepository(repo);
            diffs.setDiffComparator(RawTextComparator.DEFAULT);
            diffs.setDetectRenames(false);
            walk.sort(RevSort.COMMIT_TIME_DESC);
            walk.markStart(walk.parseCommit(head));
            RevTree headTree = walk.parseCommit(head).getTree();
            // newest first: a later put for the same key is an older commit, which is the one that introduced it
            Map<Key, Found> found = new LinkedHashMap<>();
            int commits = 0;
            int blobs = 0;
            long bytes = 0;
            boolean complete = true;
            for (RevCommit commit : walk) {
                if (stop.getAsBoolean() || commits >= limits.maxCommits() || bytes > limits.maxBytes()) {
                    complete = false;
                    break;
                }
                commits++;
                RevTree parent = commit.getParentCount() > 0 ? walk.parseCommit(commit.getParent(0)).getTree() : null;
                for (DiffEntry entry : diffs.scan(parent, commit.getTree())) {
                    if (entry.getChangeType() == DiffEntry.ChangeType.DELETE) continue;
                    String path = entry.getNewPath();
                    String where = commit.getName().substring(0, 12) + ":" + path;
                    try {
                        long size = reader.getObjectSize(entry.getNewId().toObjectId(), org.eclipse.jgit.lib.Constants.OBJ_BLOB);
                        if (size > limits.maxBlobBytes()) {
                            skipped.add(new SecretScan.Skipped(where, "too large (" + size + " bytes)"));
                            continue;
                        }
                        byte[] content = reader.open(entry.getNewId().toObjectId()).getCachedBytes((int) limits.maxBlobBytes());
                        if (SecretScanner.isBinary(content)) continue;
                        blobs++;
                        bytes += scanAdded(diffs, entry, path, content, commit.getName(), found);
                    } catch (BoundedText.Exhausted e) {
                        skipped.add(new SecretScan.Skipped(where, "too costly to match (pathological text)"));
                    } catch (IOException | RuntimeException e) {
                        skipped.add(new SecretScan.Skipped(where, "unreadable: " + e.getClass().getSimpleName()));
                    }
                }
            }
            var findings = new ArrayList<SecretFinding>();
            var headCache = new HashMap<String, String>();
            for (Found f : found.values()) {
                String now = headCache.computeIfAbsent(f.finding().file(), p -> headText(repo, reader, headTree, p));
                if (!containsSecret(now, f)) findings.add(f.finding());
            }
            return new SecretScan(SecretScanner.sorted(findings), SecretScanner.sortedSkips(skipped), complete, blobs, bytes, commits);
        } catch (IOException | RuntimeException e) {
            skipped.add(new SecretScan.Skipped(gitDir.getFileName() == null ? "." : gitDir.getFileName().toString(),
                    "not a readable git repository: " + e.getClass().getSimpleName()));
            return new SecretScan(List.of(), skipped, false, 0, 0, 0);
        }
    }

    /** Scans each run of added lines of one changed file; returns the bytes scanned. */
    private long scanAdded(DiffFormatter diffs, DiffEntry entry, String path, byte[] content, String commit, Map<Key, Found> found)
            throws IOException {
        String whole = SecretScanner.decode(content);
        var lineStarts = new ArrayList<Integer>();
        lineStarts.add(0);
        for (int i = 0; i < whole.length(); i++) {
            if (whole.charAt(i) == '\n') lineStarts.add(i + 1);
        }
        long bytes = 0;
        for (Edit edit : diffs.toFileHeader(entry).toEditList()) {
            if (edit.getEndB() <= edit.getBeginB()) continue;
            int from = lineStarts.get(Math.min(edit.getBeginB(), lineStarts.size() - 1));
            int to = edit.getEndB() < lineStarts.size() ? lineStarts.get(edit.getEndB()) : whole.length();
            String added = whole.substring(from, Math.max(from, to));
            bytes += added.length();
            var hits = text.hits(path, added, edit.getBeginB() + 1);
            var findings = text.findings(path, added, hits, edit.getBeginB() + 1, commit);
            for (int i = 0; i < hits.size(); i++) {
                var h = hits.get(i);
                found.put(new Key(h.rule().id(), path, h.secretHash()), new Found(findings.get(i), h.secretHash()));
            }
        }
        return bytes;
    }

    private static String headText(Repository repo, ObjectReader reader, RevTree headTree, String path) {
        try (TreeWalk tw = TreeWalk.forPath(repo, path, headTree)) {
            if (tw == null) return "";
            byte[] content = reader.open(tw.getObjectId(0)).getCachedBytes(Integer.MAX_VALUE);
            return new String(content, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** Whether HEAD's text still holds the secret: a file scan of HEAD reports it, so history need not. */
    private boolean containsSecret(String headText, Found f) {
        if (headText.isEmpty()) return false;
        for (var h : text.hits(f.finding().file(), headText, 1)) {
            if (h.secretHash().equals(f.secretHash())) return true;
        }
        return false;
    }
}
