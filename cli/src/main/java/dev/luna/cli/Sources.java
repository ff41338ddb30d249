package dev.luna.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import tools.jackson.databind.node.ObjectNode;

/**
 * A source argument as the API's source object (functions/task-types/source.schema.json):
 * {@code git:https://…[#ref]}, {@code dir:./path} (files read here and sent inline), {@code zip:./file.zip}
 * (also .tar.gz and .tar, sent as a base64 archive). A bare path is a directory or an archive by its name.
 */
final class Sources {
    /** A task's payload is at most 256 KiB (the API answers 413 beyond). */
    static final long TASK_PAYLOAD_LIMIT = 256 * 1024;
    /** A request body is at most 1 MiB. */
    static final long REQUEST_BODY_LIMIT = 1024 * 1024;

    private Sources() {
    }

    static ObjectNode parse(String spec, long limitBytes) {
        if (spec.startsWith("git:")) return git(spec.substring(4));
        if (spec.startsWith("dir:")) return new DirectorySource(Path.of(spec.substring(4)), limitBytes).read();
        if (spec.startsWith("zip:")) return archive(Path.of(spec.substring(4)), limitBytes);
        if (spec.startsWith("https://")) return git(spec);
        var path = Path.of(spec);
        if (Files.isDirectory(path)) return new DirectorySource(path, limitBytes).read();
        if (Files.isRegularFile(path)) return archive(path, limitBytes);
        throw CliException.usage("--source " + spec + ": expected git:https://…, dir:PATH or zip:FILE");
    }

    private static ObjectNode git(String url) {
        if (!url.startsWith("https://") && !url.startsWith("file:") && !url.startsWith("/")) {
            throw CliException.usage("--source git: needs an https URL, got " + url);
        }
        int hash = url.indexOf('#');
        var source = Json.object().put("type", "git").put("url", hash < 0 ? url : url.substring(0, hash));
        if (hash >= 0) source.put("ref", url.substring(hash + 1));
        return source;
    }

    private static ObjectNode archive(Path file, long limitBytes) {
        var name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        var format = name.endsWith(".tar.gz") || name.endsWith(".tgz") ? "tar.gz" : name.endsWith(".tar") ? "tar" : "zip";
        try {
            long size = Files.size(file);
            if (size / 3 * 4 > limitBytes) {
                throw CliException.usage("--source " + file + " is " + size + " bytes: too large to send inline (limit "
                        + limitBytes / 1024 + " KiB encoded); use a git source");
            }
            var base64 = Base64.getEncoder().encodeToString(Files.readAllBytes(file));
            return Json.object().put("type", "archive").put("format", format).put("contentBase64", base64);
        } catch (IOException e) {
            throw CliException.usage("--source: cannot read " + file + " (" + e.getMessage() + ")");
        }
    }
}
