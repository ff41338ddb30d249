package dev.luna.sources;

import dev.luna.core.ErrorCode;
import dev.luna.core.LunaException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The files of one commit's tree, read straight from the object database (nothing is checked out by JGit, so no
 * symbolic link is ever created): regular and executable files, symbolic links and submodules (gitlinks) as such.
 * More than {@link SourceLimits#maxEntries()} entries refuse the source (413). Sizes come from the object headers.
 */
final class GitTreeListing implements Listing {
    private final Repository repository;
    private final ObjectId commit;
    private final ObjectReader reader;
    private final List<Entry> entries = new ArrayList<>();
    private final List<ObjectId> ids = new ArrayList<>();

    /** Lists the fetched commit's tree; closing the listing closes the repository. */
    GitTreeListing(GitFetcher.Fetched fetched, SourceLimits limits) throws IOException {
        this.repository = fetched.repository();
        this.commit = fetched.commit();
        this.reader = repository.newObjectReader();
        try (RevWalk walk = new RevWalk(reader); TreeWalk tree = new TreeWalk(reader)) {
            tree.addTree(walk.parseCommit(commit).getTree());
            tree.setRecursive(true);
            while (tree.next()) {
                if (entries.size() >= limits.maxEntries()) {
                    throw new LunaException(ErrorCode.PAYLOAD_TOO_LARGE, "repository has more than " + limits.maxEntries() + " files; nothing was read",
                            Map.of("limitFiles", limits.maxEntries()));
                }
                String path = tree.getPathString();
                FileMode mode = tree.getFileMode(0);
                ObjectId id = tree.getObjectId(0);
                Entry.Kind kind = mode == FileMode.GITLINK ? Entry.Kind.SUBMODULE : mode == FileMode.SYMLINK ? Entry.Kind.SYMLINK
                        : (mode.getObjectType() == Constants.OBJ_BLOB ? Entry.Kind.FILE : Entry.Kind.SPECIAL);
                long size = kind == Entry.Kind.FILE ? reader.getObjectSize(id, Constants.OBJ_BLOB) : 0;
                entries.add(new Entry(entries.size(), path, SourcePaths.normaliseOrNull(path), kind, size));
                ids.add(id);
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Every path of the tree that is not a directory (files, links, submodules), in tree order. */
    List<String> tracked() {
        return entries.stream().map(Entry::name).toList();
    }

    @Override
    public List<Entry> entries() {
        return entries;
    }

    @Override
    public void read(List<Wanted> wanted, Sink sink) throws IOException {
        for (var w : wanted) {
            try (InputStream in = reader.open(ids.get(w.entry().ordinal()), Constants.OBJ_BLOB).openStream()) {
                sink.accept(w, in.readNBytes(w.limit()));
            }
        }
    }

    Repository repository() {
        return repository;
    }

    ObjectId commit() {
        return commit;
    }

    @Override
    public void close() {
        reader.close();
        repository.close();
    }
}
