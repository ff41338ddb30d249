package dev.luna.codebase.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the project's text files with a size bound. A file over the bound is counted (lines, bytes) by streaming
 * and returned with empty text plus a {@code too-large} issue; malformed UTF-8 is replaced and reported.
 */
public final class SourceReader {
    private final Path root;
    private final long maxBytes;
    private final List<FileIssue> issues = new ArrayList<>();

    public SourceReader(Path root, long maxBytes) {
        this.root = root;
        this.maxBytes = maxBytes;
    }

    /** The file, or null when it cannot be read at all (then an {@code unreadable} issue is recorded). */
    public SourceText read(String path) {
        var file = root.resolve(path);
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                issues.add(new FileIssue(path, "too-large", size + " bytes; limit " + maxBytes));
                return new SourceText(path, "", countLines(file), size);
            }
            byte[] bytes = Files.readAllBytes(file);
            String text = decode(path, bytes);
            return new SourceText(path, text, lines(text), bytes.length);
        } catch (IOException | RuntimeException e) {
            issues.add(new FileIssue(path, "unreadable", e.getClass().getSimpleName()));
            return null;
        }
    }

    /** Reads a file that is not in the analysed list (a parent pom, a tsconfig), or null when absent or too large. */
    public String readOptional(String path) {
        var file = root.resolve(path).normalize();
        if (!file.startsWith(root.normalize()) || !Files.isRegularFile(file)) return null;
        try {
            if (Files.size(file) > maxBytes) return null;
            return decode(path, Files.readAllBytes(file));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    public List<FileIssue> issues() {
        return List.copyOf(issues);
    }

    public void report(FileIssue issue) {
        issues.add(issue);
    }

    private String decode(String path, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            issues.add(new FileIssue(path, "not-utf8", "malformed UTF-8 replaced"));
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    static int lines(String text) {
        if (text.isEmpty()) return 0;
        int n = 0;
        for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') n++;
        return text.charAt(text.length() - 1) == '\n' ? n : n + 1;
    }

    private static int countLines(Path file) throws IOException {
        int n = 0;
        int last = -1;
        var buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int r;
            while ((r = in.read(buf)) > 0) {
                for (int i = 0; i < r; i++) if (buf[i] == '\n') n++;
                last = buf[r - 1];
            }
        }
        return last == -1 || last == '\n' ? n : n + 1;
    }
}
