package dev.luna.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.node.ObjectNode;

/**
 * A folder as an inline source: its files (text as content, binary as base64), in path order, without .git and what
 * the folder's .gitignore lists (plain patterns, '*' globs, trailing '/' for folders, leading '/' anchors; '!' ignored),
 * within the API's limits: 5000 files, paths of at most 1024 characters, and the request size given.
 */
final class DirectorySource {
    static final int MAX_FILES = 5000;
    static final int MAX_PATH = 1024;
    private final Path root;
    private final long limitBytes;
    private final List<PathMatcher> ignored = new ArrayList<>();

    DirectorySource(Path root, long limitBytes) {
        this.root = root.toAbsolutePath().normalize();
        this.limitBytes = limitBytes;
    }

    ObjectNode read() {
        if (!Files.isDirectory(root)) throw CliException.usage("--source: " + root + " is not a folder");
        readGitignore();
        var source = Json.object().put("type", "inline");
        var files = source.putArray("files");
        long total = 0;
        try (Stream<Path> walk = Files.walk(root)) {
            for (var file : walk.filter(Files::isRegularFile).sorted().toList()) {
                var relative = root.relativize(file).toString().replace('\\', '/');
                if (isIgnored(relative)) continue;
                if (files.size() == MAX_FILES) throw CliException.usage("--source: more than " + MAX_FILES + " files in " + root);
                if (relative.length() > MAX_PATH) throw CliException.usage("--source: path longer than " + MAX_PATH + ": " + relative);
                var bytes = Files.readAllBytes(file);
                var entry = files.addObject().put("path", relative);
                var text = utf8(bytes);
                if (text != null) entry.put("content", text);
                else entry.put("contentBase64", Base64.getEncoder().encodeToString(bytes));
                total += relative.length() + (text != null ? bytes.length : bytes.length / 3 * 4 + 4) + 32;
                if (total > limitBytes) {
                    throw CliException.usage("--source: " + root + " is over " + limitBytes / 1024 + " KiB, the most that can be sent"
                            + " inline; use a git source or a smaller folder");
                }
            }
        } catch (IOException e) {
            throw CliException.usage("--source: cannot read " + root + " (" + e.getMessage() + ")");
        }
        if (files.isEmpty()) throw CliException.usage("--source: no files in " + root);
        return source;
    }

    private boolean isIgnored(String relative) {
        var path = Path.of(relative);
        if (relative.equals(".git") || relative.startsWith(".git/")) return true;
        for (var matcher : ignored) {
            // a pattern matches the file or any folder above it
            for (var p = path; p != null; p = p.getParent()) if (matcher.matches(p)) return true;
        }
        return false;
    }

    private void readGitignore() {
        var file = root.resolve(".gitignore");
        if (!Files.isRegularFile(file)) return;
        try {
            for (var raw : Files.readAllLines(file)) {
                var line = raw.strip();
                if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) continue;
                if (line.endsWith("/")) line = line.substring(0, line.length() - 1);
                boolean anchored = line.startsWith("/") || line.contains("/");
                if (line.startsWith("/")) line = line.substring(1);
                var glob = anchored ? line : "{" + line + ",**/" + line + "}";
                ignored.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
            }
        } catch (IOException | IllegalArgumentException e) {
            throw CliException.usage("--source: cannot read " + file + " (" + e.getMessage() + ")");
        }
    }

    private static String utf8(byte[] bytes) {
        for (byte b : bytes) if (b == 0) return null;
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException binary) {
            return null;
        }
    }
}
