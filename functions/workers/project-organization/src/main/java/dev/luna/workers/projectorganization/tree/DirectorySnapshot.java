package dev.luna.workers.projectorganization.tree;

import dev.luna.workers.projectorganization.Skipped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
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

    public DirectorySnapshot(Path root, int maxFiles) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        var found = new ArrayList<TreeEntry>();
        Files.walkFileTree(this.root, java.util.EnumSet.noneOf(java.nio.file.FileVisitOption.class), MAX_DEPTH, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(DirectorySnapshot.this.root) && dir.getFileName().toString().equals(".git")) return FileVisitResult.SKIP_SUBTREE;
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String rel = relative(file);
                if (found.size() >= maxFiles) {
                    complete = false;
                    return FileVisitResult.TERMINATE;
                }
                if (attrs.isSymbolicLink()) found.add(new TreeEntry(rel, TreeEntry.SYMLINK, linkLength(file)));
                else if (attrs.isRegularFile()) {
                    found.add(new TreeEntry(rel, Files.isExecutable(file) ? TreeEntry.EXECUTABLE : TreeEntry.REGULAR, attrs.size()));
                } else if (attrs.isDirectory()) skipped.add(new Skipped(rel, "nested deeper than " + MAX_DEPTH + " folders"));
                else skipped.add(new Skipped(rel, "not a regular file"));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                skipped.add(new Skipped(relative(file), "unreadable: " + e.getClass().getSimpleName()));
                return FileVisitResult.CONTINUE;
            }
        });
        if (!complete) skipped.add(new Skipped(".", "more than " + maxFiles + " files: the rest were not listed"));
        found.sort(TreeEntry.ORDER);
        this.entries = List.copyOf(found);
        for (var e : entries) byPath.put(e.path(), e);
        skipped.sort(Skipped.ORDER);
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
