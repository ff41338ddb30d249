package dev.luna.functions.rag;

import dev.luna.core.ErrorCode;
import dev.luna.core.LunaException;
import dev.luna.core.ValidationException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;

/**
 * Reads uploaded zip and tar.gz archives with guards: entry names must be relative paths without {@code ..} (the
 * whole archive is refused otherwise), at most {@link #MAX_ENTRIES} entries and {@link #MAX_TOTAL_BYTES} once
 * expanded (a zip bomb is refused while it is being read, never fully expanded), and a file above
 * {@link #MAX_FILE_BYTES} is skipped and reported.
 */
final class Archives {
    static final int MAX_ENTRIES = 20_000;
    static final long MAX_TOTAL_BYTES = 64L * 1024 * 1024;
    static final int MAX_FILE_BYTES = 1024 * 1024;

    record Contents(List<SourceFile> files, List<FileError> skipped) {
    }

    private Archives() {
    }

    static Contents read(String format, byte[] archive) {
        try (ArchiveInputStream<? extends ArchiveEntry> in = open(format, archive)) {
            var files = new ArrayList<SourceFile>();
            var skipped = new ArrayList<FileError>();
            long total = 0;
            int entries = 0;
            ArchiveEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (++entries > MAX_ENTRIES) {
                    throw new ValidationException("source.contentBase64", "archive has more than " + MAX_ENTRIES + " entries");
                }
                String name = safePath(entry.getName());
                if (entry.isDirectory()) continue;
                var out = new ByteArrayOutputStream();
                byte[] buf = new byte[8192];
                int n;
                boolean tooLarge = false;
                while ((n = in.read(buf)) > 0) {
                    total += n;
                    if (total > MAX_TOTAL_BYTES) {
                        throw new LunaException(ErrorCode.PAYLOAD_TOO_LARGE, "Archive expands beyond " + MAX_TOTAL_BYTES
                                + " bytes (zip bomb guard); nothing was indexed", Map.of("limitBytes", MAX_TOTAL_BYTES));
                    }
                    if (out.size() + n > MAX_FILE_BYTES) tooLarge = true;
                    if (!tooLarge) out.write(buf, 0, n);
                }
                if (tooLarge) skipped.add(new FileError(name, "larger than " + MAX_FILE_BYTES + " bytes"));
                else files.add(new SourceFile(name, out.toByteArray()));
            }
            return new Contents(files, skipped);
        } catch (IOException | IllegalArgumentException e) {
            throw new ValidationException("source.contentBase64", "is not a readable " + format + " archive: " + e.getMessage());
        }
    }

    private static ArchiveInputStream<? extends ArchiveEntry> open(String format, byte[] archive) throws IOException {
        InputStream raw = new ByteArrayInputStream(archive);
        return switch (format) {
            case "zip" -> new ZipArchiveInputStream(raw);
            case "tar.gz", "tgz" -> new TarArchiveInputStream(new GZIPInputStream(raw));
            case "tar" -> new TarArchiveInputStream(raw);
            default -> throw new ValidationException("source.format", "must be one of zip, tar.gz, tar");
        };
    }

    /** A normalised relative path, or a 400 for absolute paths, drive letters and {@code ..} segments. */
    static String safePath(String name) {
        if (name == null || name.isBlank()) throw new ValidationException("path", "must not be empty");
        String p = name.replace('\\', '/');
        if (p.startsWith("/") || p.matches("^[A-Za-z]:.*") || p.contains("\0")) {
            throw new ValidationException("path", "must be relative: '" + shorten(name) + "'");
        }
        var parts = new ArrayList<String>();
        for (String seg : p.split("/")) {
            if (seg.isEmpty() || seg.equals(".")) continue;
            if (seg.equals("..")) throw new ValidationException("path", "must not contain '..': '" + shorten(name) + "'");
            parts.add(seg);
        }
        if (parts.isEmpty()) throw new ValidationException("path", "must name a file: '" + shorten(name) + "'");
        String joined = String.join("/", parts);
        if (joined.length() > 1024) throw new ValidationException("path", "must be at most 1024 characters");
        return joined;
    }

    private static String shorten(String s) {
        return s.length() > 100 ? s.substring(0, 100) + "…" : s;
    }
}
