package dev.luna.workers.projectorganization.tree;

import dev.luna.workers.projectorganization.Skipped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;

/** A plain directory as the analysed tree: every file under it except {@code .git}, symbolic links not followed. */
public final class DirectorySnapshot implements Snapshot {
    private static final int MAX_DEPTH = 64;
    private final Path root;
    private final List<TreeEntry> entries;
    private final Map<String, TreeEntry> byPath = new HashMap<>();
    private final List<Skipped> skipped = new ArrayList<>();
    private boolean complete = true;

    /** Lists {@code root} depth first, each folder's entries in name order, so a cut at {@code maxFiles} is the same on every machine. */
    public DirectorySnapshot(Path root, int maxFiles) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(this.root, LinkOption.NOFOLLOW_LINKS)) throw new IOException("not a directory");
        var found = new ArrayList<TreeEntry>();
        walk(this.root, 0, maxFiles, found);
        if (!complete) skipped.add(new Skipped(".", "more than " + maxFiles + " files: the rest were not listed"));
        found.sort(TreeEntry.ORDER);
        this.entries = List.copyOf(found);
        for (var e : entries) byPath.put(e.path(), e);
        skipped.sort(Skipped.ORDER);
    }

    private void walk(Path dir, int depth, int maxFiles, List<TreeEntry> found) {
        List<Path> children;
        try (var list = Files.list(dir)) {
            children = list.sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        } catch (IOException | RuntimeException e) {
            skipped.add(new Skipped(relative(dir), "unreadable: " + e.getClass().getSimpleName()));
            return;
        }
        for (var child : children) {
            if (!complete) return;
            String rel = relative(child);
            try {
                var attrs = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (attrs.isDirectory()) {
                    if (child.getFileName().toString().equals(".git")) continue;
                    if (depth + 1 >= MAX_DEPTH) skipped.add(new Skipped(rel, "nested deeper than " + MAX_DEPTH + " folders"));
                    else walk(child, depth + 1, maxFiles, found);
                    continue;
                }
                if (found.size() >= maxFiles) {
                    complete = false;
                    return;
                }
                if (attrs.isSymbolicLink()) found.add(new TreeEntry(rel, TreeEntry.SYMLINK, linkLength(child)));
                else if (attrs.isRegularFile()) {
                    found.add(new TreeEntry(rel, Files.isExecutable(child) ? TreeEntry.EXECUTABLE : TreeEntry.REGULAR, attrs.size()));
                } else skipped.add(new Skipped(rel, "not a regular file"));
            } catch (IOException | RuntimeException e) {
                skipped.add(new Skipped(rel, "unreadable: " + e.getClass().getSimpleName()));
            }
        }
    }

    private static long linkLength(Path file) {
        try {
            return Files.readSymbolicLink(file).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        } catch (IOException e) {
            return 0;
        }
    }

    private String relative(Path file) {
        return root.relativize(file).toString().replace('\\', '/');
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
        var file = root.resolve(path);
        if (e.mode() == TreeEntry.SYMLINK) return Files.readSymbolicLink(file).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) return null;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) Math.min(max, Integer.MAX_VALUE - 8) + 1);
            return bytes.length > max ? null : bytes;
        }
    }

    @Override
    public ObjectId blobId(String path) throws IOException {
        var file = root.resolve(path);
        if (Files.isSymbolicLink(file)) {
            byte[] target = Files.readSymbolicLink(file).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            return new ObjectInserter.Formatter().idFor(Constants.OBJ_BLOB, target);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return new ObjectInserter.Formatter().idFor(Constants.OBJ_BLOB, Files.size(file), in);
        }
    }

    @Override
    public String revision() {
        return null;
    }

    @Override
    public void close() {
    }
}
