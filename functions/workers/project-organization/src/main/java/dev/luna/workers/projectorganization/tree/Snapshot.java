package dev.luna.workers.projectorganization.tree;

import dev.luna.workers.projectorganization.Skipped;
import java.io.IOException;
import java.util.List;
import org.eclipse.jgit.lib.ObjectId;

/**
 * The analysed revision's files: a git commit's tree (read from the object database, so the bytes are exactly what
 * is committed) or a plain directory. Listing is bounded; reads are bounded per call.
 */
public interface Snapshot extends AutoCloseable {
    /** Regular files and symbolic links, sorted by path. */
    List<TreeEntry> entries();

    /** The entry at that path, or null. */
    TreeEntry entry(String path);

    /** False when the listing was cut at the file limit. */
    boolean complete();

    /** What the listing left out (submodules, special files, files past the limit), sorted. */
    List<Skipped> skipped();

    /** The file's bytes, or null when it is larger than {@code max} bytes, absent or not a regular file. */
    byte[] read(String path, long max) throws IOException;

    /** The file's git blob id (as {@code git hash-object} computes it). */
    ObjectId blobId(String path) throws IOException;

    /** The analysed commit's id, or null for a directory. */
    String revision();

    @Override
    void close();
}
