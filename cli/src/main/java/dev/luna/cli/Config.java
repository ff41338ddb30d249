package dev.luna.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/** The stored login: {"url": …, "key": …} in a file only its owner can read (0600, in a 0700 folder). */
record Config(String url, String key) {

    static Config read(Path file) {
        if (!Files.isRegularFile(file)) return new Config(null, null);
        try {
            var node = Json.parse(Files.readString(file));
            return new Config(blankToNull(Json.text(node, "url")), blankToNull(Json.text(node, "key")));
        } catch (IOException | RuntimeException e) {
            throw CliException.usage("cannot read " + file + ": " + e.getMessage() + " (run luna login again)");
        }
    }

    void write(Path file) {
        var json = Json.object().put("url", url).put("key", key);
        try {
            var dir = file.getParent();
            if (!Files.isDirectory(dir)) {
                try {
                    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                } catch (UnsupportedOperationException notPosix) {
                    Files.createDirectories(dir);
                }
            }
            var tmp = dir.resolve(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            try {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(tmp);
            } catch (FileAlreadyExistsException raced) {
                throw new IOException("another luna login is writing " + tmp);
            }
            Files.writeString(tmp, Json.pretty(json) + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CliException(ExitCode.API, "cannot write " + file + ": " + e.getMessage());
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
