package dev.luna.workers.kit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Zip archives with the same bytes for the same files: entries sorted by path, fixed times (1980-01-02), no extra
 * fields, so a generated project is byte-identical across runs, machines and time zones. (Not 1980-01-01 00:00: the JDK
 * takes that DOS time for "before 1980" and then adds an extended-time field computed in the default time zone.)
 */
public final class Zips {
    /** 1980-01-02 00:00: early in the zip format's range, and a DOS time the JDK writes without an extended-time field. */
    public static final LocalDateTime FIXED_LOCAL_TIME = LocalDateTime.of(1980, 1, 2, 0, 0);

    private Zips() {
    }

    /** A zip of {@code files} (path → bytes; '/'-separated relative paths). */
    public static byte[] of(Map<String, byte[]> files) {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            zip.setLevel(9);
            for (var e : new TreeMap<>(files).entrySet()) {
                var entry = new ZipEntry(e.getKey());
                entry.setTimeLocal(FIXED_LOCAL_TIME); // DOS time only: no time zone applied, no extended-time extra field
                zip.putNextEntry(entry);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
