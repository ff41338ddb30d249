package dev.luna.workers.projectorganization.tree;

import dev.luna.workers.projectorganization.Skipped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/** HEAD's tree of a repository as the analysed tree; file bytes come from the object database. */
public final class GitSnapshot implements Snapshot {
    private final Repository repo;
    private final ObjectReader reader;
    private final RevCommit head;
    private final List<TreeEntry> entries;
    private final Map<String, TreeEntry> byPath = new HashMap<>();
    private final Map<String, ObjectId> ids = new HashMap<>();
    private final List<Skipped> skipped = new ArrayList<>();
    private boolean complete = true;

    /** Opens the repository at {@code gitDir} (a {@code .git} directory, a work tree with one, or a bare repository). */
    public GitSnapshot(Path gitDir, int maxFiles) throws IOException {
        Path dir = Files.isDirectory(gitDir.resolve(".git")) ? gitDir.resolve(".git") : gitDir;
        this.repo = new FileRepositoryBuilder().setGitDir(dir.toFile()).setMustExist(true).build();
        this.reader = repo.newObjectReader();
        try (var walk = new RevWalk(reader)) {
            ObjectId id = repo.resolve(Constants.HEAD);
            if (id == null) throw new IOException("the repository has no HEAD commit");
            this.head = walk.parseCommit(id);
            var found = new ArrayList<TreeEntry>();
            try (var tw = new TreeWalk(repo, reader)) {
                tw.addTree(head.getTree());
                tw.setRecursive(true);
                while (tw.next()) {
                    String path = tw.getPathString();
                    var mode = tw.getFileMode(0);
                    if (found.size() >= maxFiles) {
                        complete = false;
                        break;
                    }
                    ObjectId blob = tw.getObjectId(0);
                    if (mode == FileMode.GITLINK) {
                        skipped.add(new Skipped(path, "submodule: its repository is not read"));
                    } else if (mode == FileMode.SYMLINK) {
                        found.add(new TreeEntry(path, TreeEntry.SYMLINK, reader.getObjectSize(blob, Constants.OBJ_BLOB)));
                        ids.put(path, blob);
                    } else {
                        found.add(new TreeEntry(path, mode == FileMode.EXECUTABLE_FILE ? TreeEntry.EXECUTABLE : TreeEntry.REGULAR,
                                reader.getObjectSize(blob, Constants.OBJ_BLOB)));
                        ids.put(path, blob);
                    }
                }
            }
            if (!complete) skipped.add(new Skipped(".", "more than " + maxFiles + " files: the rest were not listed"));
            found.sort(TreeEntry.ORDER);
            this.entries = List.copyOf(found);
            for (var e : entries) byPath.put(e.path(), e);
            skipped.sort(Skipped.ORDER);
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    public Repository repository() {
        return repo;
    }

    @Override
    public List<TreeEntry> entries() {
        return entries;
    }

    @Override
    public TreeEntry entry(String path) {
        return byPath.get(path);
    }

    @Override
    public boolean complete() {
        return complete;
    }

    @Override
    public List<Skipped> skipped() {
        return List.copyOf(skipped);
    }

    @Override
    public byte[] read(String path, long max) throws IOException {
        var e = byPath.get(path);
        if (e == null || e.size() > max) return null;
        return reader.open(ids.get(path), Constants.OBJ_BLOB).getCachedBytes((int) Math.min(max, Integer.MAX_VALUE - 8));
    }

    @Override
    public ObjectId blobId(String path) {
        return ids.get(path);
    }

    @Override
    public String revision() {
        return head.getName();
    }

    @Override
    public void close() {
        if (reader != null) reader.close();
        repo.close();
    }
}
