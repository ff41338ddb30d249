package dev.luna.workers.cloudflare;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Objects;

/**
 * Fixture trees as one text file each (Go's txtar layout): a line {@code -- path --} starts a file, the lines after it
 * are its content. {@code -- path (base64) --} holds binary content, {@code -- path (exec) --} an executable file,
 * {@code -- path (no newline) --} a file without a final newline. One file per fixture keeps committed folders such as
 * node_modules/ and target/ out of our own .gitignore's way.
 */
public final class Txtar {
    private Txtar() {
    }

    /** Writes the fixture {@code fixtures/<name>.txtar} into {@code dir}. */
    public static Path write(String name, Path dir) throws IOException {
        String text;
        try (InputStream in = Objects.requireNonNull(Txtar.class.getResourceAsStream("/fixtures/" + name + ".txtar"), name)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Files.createDirectories(dir);
        String path = null;
        var content = new StringBuilder();
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        for (var line : body.split("\n", -1)) {
            if (line.startsWith("-- ") && line.endsWith(" --") && line.length() > 6) {
                if (path != null) flush(dir, path, content.toString());
                path = line.substring(3, line.length() - 3);
                content.setLength(0);
            } else if (path != null) content.append(line).append('\n');
        }
        if (path != null) flush(dir, path, content.toString());
        return dir;
    }

    private static void flush(Path dir, String header, String content) throws IOException {
        String path = header;
        byte[] bytes;
        boolean exec = false;
        if (header.endsWith(" (base64)")) {
            path = header.substring(0, header.length() - 9);
            bytes = Base64.getMimeDecoder().decode(content.strip());
        } else {
            if (header.endsWith(" (exec)")) {
                path = header.substring(0, header.length() - 7);
                exec = true;
            } else if (header.endsWith(" (no newline)")) {
                path = header.substring(0, header.length() - 13);
                content = content.substring(0, Math.max(0, content.length() - 1));
            }
            bytes = content.getBytes(StandardCharsets.UTF_8);
        }
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        if (exec && !file.toFile().setExecutable(true)) throw new IOException("cannot make " + path + " executable");
    }
}
