package dev.luna.sources;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.UnixStat;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/** Zip and tar(.gz) archives built entry by entry, with the entries attackers use: links, devices, traversal, bombs. */
final class TestArchives {
    private TestArchives() {
    }

    /** A zip: {@code file(name, text)}, {@code symlink(name, target)}, {@code zeros(name, bytes)}. */
    static final class Zip {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out);

        Zip file(String name, String text) {
            return file(name, text.getBytes(StandardCharsets.UTF_8));
        }

        Zip file(String name, byte[] bytes) {
            try {
                zip.putArchiveEntry(new ZipArchiveEntry(name));
                zip.write(bytes);
                zip.closeArchiveEntry();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        Zip symlink(String name, String target) {
            try {
                var e = new ZipArchiveEntry(name);
                e.setUnixMode(UnixStat.LINK_FLAG | 0777);
                zip.putArchiveEntry(e);
                zip.write(target.getBytes(StandardCharsets.UTF_8));
                zip.closeArchiveEntry();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        /** An entry of {@code bytes} zeros, written in pieces (it compresses to about a thousandth). */
        Zip zeros(String name, long bytes) {
            try {
                zip.putArchiveEntry(new ZipArchiveEntry(name));
                byte[] chunk = new byte[64 * 1024];
                for (long left = bytes; left > 0; left -= chunk.length) zip.write(chunk, 0, (int) Math.min(chunk.length, left));
                zip.closeArchiveEntry();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        byte[] bytes() {
            try {
                zip.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        }

        String base64() {
            return Base64.getEncoder().encodeToString(bytes());
        }
    }

    /** A tar, gzipped or not: files, symbolic links, hard links, devices and pipes. */
    static final class Tar {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final TarArchiveOutputStream tar;

        Tar(boolean gzip) {
            try {
                tar = new TarArchiveOutputStream(gzip ? new GZIPOutputStream(out) : out);
                tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Tar file(String name, String text) {
            return file(name, text.getBytes(StandardCharsets.UTF_8));
        }

        /** Names are kept as given (absolute paths and drive letters included), as a hostile archive has them. */
        Tar file(String name, byte[] bytes) {
            var e = new TarArchiveEntry(name, true);
            e.setSize(bytes.length);
            return put(e, bytes);
        }

        Tar symlink(String name, String target) {
            var e = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
            e.setLinkName(target);
            return put(e, new byte[0]);
        }

        Tar hardLink(String name, String target) {
            var e = new TarArchiveEntry(name, TarConstants.LF_LINK);
            e.setLinkName(target);
            return put(e, new byte[0]);
        }

        Tar special(String name, byte type) {
            return put(new TarArchiveEntry(name, type), new byte[0]);
        }

        private Tar put(TarArchiveEntry e, byte[] bytes) {
            try {
                tar.putArchiveEntry(e);
                tar.write(bytes);
                tar.closeArchiveEntry();
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            return this;
        }

        byte[] bytes() {
            try {
                tar.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        }

        String base64() {
            return Base64.getEncoder().encodeToString(bytes());
        }
    }
}
