package dev.luna.sources;

import dev.luna.core.ErrorCode;
import dev.luna.core.LunaException;
import dev.luna.core.ValidationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * The entries of an uploaded zip, tar.gz or tar archive, with guards applied while it is read: an entry whose name
 * is not a safe relative path (absolute, a drive letter, a {@code ..} segment: zip-slip) refuses the whole archive
 * (400); more than {@link SourceLimits#maxEntries()} entries, or more than {@link SourceLimits#maxExpandedBytes()}
 * bytes once expanded (every entry counted, so a zip bomb is stopped while it is being read, never fully expanded),
 * refuse it too (413). Symbolic links (zip entries with a unix symlink mode, tar symlinks), tar hard links and tar
 * devices and pipes are listed as such and never followed or written. The first pass counts every entry's real size;
 * wanted entries are read again afterwards (zip by random access, tar by a second pass).
 */
final class ArchiveListing implements Listing {
    private static final int GITIGNORE_KEPT_BYTES = 64 * 1024;

    private final String format;
    private final byte[] archive;
    private final String field;
    private final List<Entry> entries = new ArrayList<>();
    /** Zip entries by ordinal (null for tar). */
    private final List<ZipArchiveEntry> zipEntries = new ArrayList<>();
    /** The contents of small .gitignore files, kept from the first pass. */
    private final Map<Integer, byte[]> gitignores = new HashMap<>();
    private ZipFile zip;

    ArchiveListing(String format, byte[] archive, SourceLimits limits, String prefix) {
        this.format = format;
        this.archive = archive;
        this.field = prefix + ".contentBase64";
        try {
            switch (format == null ? "" : format) {
                case "zip" -> listZip(limits);
                case "tar.gz", "tgz", "tar" -> listTar(limits);
                default -> throw new ValidationException(prefix + ".format", "must be one of zip, tar.gz, tar");
            }
        } catch (IOException | IllegalArgumentException e) {
            close();
            throw new ValidationException(field, "is not a readable " + format + " archive: " + e.getMessage());
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private void listZip(SourceLimits limits) throws IOException {
        zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(archive)).get();
        var counter = new Counter(limits);
        for (ZipArchiveEntry e : Collections.list(zip.getEntriesInPhysicalOrder())) {
            int ordinal = counter.entry();
            zipEntries.add(e);
            if (e.isDirectory()) continue;
            Entry.Kind kind = e.isUnixSymlink() ? Entry.Kind.SYMLINK : zip.canReadEntryData(e) ? Entry.Kind.FILE : Entry.Kind.SPECIAL;
            long size = e.getSize();
            if (kind != Entry.Kind.SPECIAL) {
                try (InputStream in = zip.getInputStream(e)) {
                    size = drain(in, counter, ordinal, kind, e.getName());
                }
            }
            add(ordinal, e.getName(), kind, Math.max(0, size));
        }
    }

    private void listTar(SourceLimits limits) throws IOException {
        var counter = new Counter(limits);
        try (var in = openTar()) {
            TarArchiveEntry e;
            while ((e = in.getNextEntry()) != null) {
                int ordinal = counter.entry();
                if (e.isDirectory()) continue;
                Entry.Kind kind = e.isSymbolicLink() ? Entry.Kind.SYMLINK : e.isLink() ? Entry.Kind.HARD_LINK
                        : e.isCharacterDevice() || e.isBlockDevice() || e.isFIFO() || !e.isFile() ? Entry.Kind.SPECIAL : Entry.Kind.FILE;
                long size = kind == Entry.Kind.FILE ? drain(in, counter, ordinal, kind, e.getName()) : 0;
                add(ordinal, e.getName(), kind, size);
            }
        }
    }

    private TarArchiveInputStream openTar() throws IOException {
        InputStream raw = new ByteArrayInputStream(archive);
        return new TarArchiveInputStream(format.equals("tar") ? raw : new GZIPInputStream(raw));
    }

    /** Refuses the archive for an unsafe name; lists the entry otherwise. */
    private void add(int ordinal, String name, Entry.Kind kind, long size) {
        String problem = SourcePaths.problem(name);
        if (problem != null) throw new ValidationException(field, "has an entry whose path " + problem);
        entries.add(new Entry(ordinal, name, SourcePaths.normaliseOrNull(name), kind, size));
    }

    /** Reads an entry to its end, counting every byte against the expansion limit; keeps a small .gitignore. */
    private long drain(InputStream in, Counter counter, int ordinal, Entry.Kind kind, String name) throws IOException {
        boolean gitignore = kind == Entry.Kind.FILE && (name.equals(".gitignore") || name.endsWith("/.gitignore"));
        var kept = gitignore ? new java.io.ByteArrayOutputStream() : null;
        byte[] buf = new byte[8192];
        long size = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            size += n;
            counter.expanded(n);
            if (kept != null && kept.size() + n <= GITIGNORE_KEPT_BYTES) kept.write(buf, 0, n);
        }
        if (kept != null && size <= GITIGNORE_KEPT_BYTES) gitignores.put(ordinal, kept.toByteArray());
        return size;
    }

    @Override
    public List<Entry> entries() {
        return entries;
    }

    /** In listing order; a small .gitignore kept from the first pass is not read again. */
    @Override
    public void read(List<Wanted> wanted, Sink sink) throws IOException {
        if (zip != null) {
            for (var w : wanted) {
                byte[] kept = kept(w);
                if (kept != null) {
                    sink.accept(w, kept);
                    continue;
                }
                try (InputStream in = zip.getInputStream(zipEntries.get(w.entry().ordinal()))) {
                    sink.accept(w, in.readNBytes(w.limit()));
                }
            }
            return;
        }
        if (wanted.stream().allMatch(w -> kept(w) != null)) {
            for (var w : wanted) sink.accept(w, kept(w));
            return;
        }
        var byOrdinal = new HashMap<Integer, Wanted>();
        for (var w : wanted) byOrdinal.put(w.entry().ordinal(), w);
        try (var in = openTar()) {
            int ordinal = -1;
            while (!byOrdinal.isEmpty() && in.getNextEntry() != null) {
                var w = byOrdinal.remove(++ordinal);
                if (w == null) continue;
                byte[] kept = kept(w);
                sink.accept(w, kept != null ? kept : in.readNBytes(w.limit()));
            }
        }
    }

    private byte[] kept(Wanted w) {
        byte[] kept = gitignores.get(w.entry().ordinal());
        return kept != null && kept.length <= w.limit() ? kept : null;
    }

    @Override
    public void close() {
        if (zip == null) return;
        try {
            zip.close();
        } catch (IOException e) {
            // an in-memory channel: nothing to release
        }
    }

    /** Counts entries and expanded bytes; refuses the archive past either limit. */
    private static final class Counter {
        private final SourceLimits limits;
        private int entries;
        private long expanded;

        Counter(SourceLimits limits) {
            this.limits = limits;
        }

        int entry() {
            if (++entries > limits.maxEntries()) {
                throw new LunaException(ErrorCode.PAYLOAD_TOO_LARGE, "archive has more than " + limits.maxEntries() + " entries; nothing was read",
                        Map.of("limitEntries", limits.maxEntries()));
            }
            return entries - 1;
        }

        void expanded(int n) {
            expanded += n;
            if (expanded > limits.maxExpandedBytes()) {
                throw new LunaException(ErrorCode.PAYLOAD_TOO_LARGE, "Archive expands beyond " + limits.maxExpandedBytes()
                        + " bytes (zip bomb guard); nothing was read", Map.of("limitBytes", limits.maxExpandedBytes()));
            }
        }
    }
}
