package dev.luna.sources;

import dev.luna.core.Hashes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Writes the files a checkout read under its root: binary files (NUL bytes) are left out, text that is not valid
 * UTF-8 is decoded as ISO-8859-1 and written as UTF-8, everything else is written byte for byte. A file is only
 * ever created new, inside the root (its normalised path checked again), never through a link; one that cannot be
 * written (a file where a directory must be, a name the file system refuses) is skipped.
 */
final class CheckoutWriter {
    private final Path root;
    private final List<String> files = new ArrayList<>();
    private final List<String> transcoded = new ArrayList<>();
    private final List<SkippedFile> skipped = new ArrayList<>();
    /** path => sha256 of what was written, for the content revision. */
    private final TreeMap<String, String> hashes = new TreeMap<>();

    CheckoutWriter(Path root) {
        this.root = root;
    }

    void write(String path, byte[] bytes) {
        byte[] out;
        boolean latin1 = false;
        switch (TextContent.decode(bytes)) {
            case TextContent.Binary b -> {
                skipped.add(new SkippedFile(path, SkippedFile.Reason.BINARY, "binary file (NUL bytes)"));
                return;
            }
            case TextContent.NotUtf8 n -> {
                out = n.latin1().getBytes(StandardCharsets.UTF_8);
                latin1 = true;
            }
            case TextContent.Utf8 u -> out = bytes;
        }
        Path target = root.resolve(path).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
            skipped.add(new SkippedFile(path, SkippedFile.Reason.UNSAFE_PATH, "not a safe relative path; not read"));
            return;
        }
        try {
            Files.createDirectories(target.getParent());
            Files.write(target, out, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException | SecurityException e) {
            skipped.add(new SkippedFile(path, SkippedFile.Reason.UNWRITABLE, "could not be written (" + e.getClass().getSimpleName() + ")"));
            return;
        }
        files.add(path);
        if (latin1) transcoded.add(path);
        hashes.put(path, Hashes.sha256Hex(out));
    }

    List<String> files() {
        return files.stream().sorted().toList();
    }

    List<String> transcoded() {
        return transcoded.stream().sorted().toList();
    }

    List<SkippedFile> skipped() {
        return skipped;
    }

    /** {@code sha256:} and the SHA-256 of the sorted {@code path NUL sha256 LF} lines of the files written. */
    String contentRevision() {
        var manifest = new StringBuilder();
        for (var e : hashes.entrySet()) manifest.append(e.getKey()).append('\0').append(e.getValue()).append('\n');
        return "sha256:" + Hashes.sha256(manifest.toString());
    }
}
