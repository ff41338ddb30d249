package dev.luna.functions.rag;

import dev.luna.core.Hashes;
import dev.luna.rag.Chunk;
import dev.luna.rag.Chunker;
import dev.luna.rag.Tokens;
import dev.luna.sources.ReadPolicy;
import dev.luna.sources.SourceFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Files that are not text but are still indexed: PDFs by their text, images and audio by their metadata (plus a
 * caption or transcript when a {@link MediaDescriber} can make one).
 *
 * <p><b>PDF</b> — one chunk describes the document (language {@code pdf}, kind {@code document}, symbol the file
 * name, lines 1 to the page count: name, pages, size, and the title, author, subject and keywords it declares);
 * text is extracted per page with PDFBox, and each page is one chunk (language {@code pdf}, kind
 * {@code page}, symbol {@code page N}), and a page longer than {@link Chunker#DEFAULT_MAX_TOKENS} tokens is split into
 * consecutive parts by lines ({@code page N (part k)}). For PDF chunks {@code startLine}/{@code endLine} are the
 * <em>page</em> number (a chunk never spans pages). Pages without text (scans) are left out; a PDF with no text at
 * all, a password-protected PDF, one whose permissions forbid text extraction and a broken one are skipped with the
 * reason in the job's errors.
 *
 * <p><b>Images</b> (png, jpeg, gif, bmp, tiff, webp) and <b>audio</b> (wav, aiff, au, mp3, m4a, ogg, flac, aac,
 * opus) — one chunk per file (language {@code image}/{@code audio}, kind {@code media}, symbol the file name,
 * lines 1–1) whose text describes it: path, the words of its name, format, size, and for images the pixel
 * dimensions (ImageIO reads only the header), for WAV/AIFF/AU the encoding, sample rate, channels and duration
 * (javax.sound.sampled); other formats are described by name, type and size. A file in a format these readers
 * know that they cannot read (a corrupt PNG, a WAV that is not one) is skipped with the reason. A caption or
 * transcript from the describer, when there is one, is appended.
 */
final class MediaFiles {
    enum Kind { PDF, IMAGE, AUDIO }

    static final int MAX_PDF_PAGES = 2000;
    /** Other files are read whole up to this size. */
    static final int MAX_FILE_BYTES = 1024 * 1024;
    /** PDFs are read whole up to this size (other files: {@link #MAX_FILE_BYTES}). */
    static final int MAX_PDF_BYTES = 32 * 1024 * 1024;
    /** Of an image or recording above {@link #MAX_FILE_BYTES}, only this head is read, for its metadata. */
    static final int HEAD_BYTES = 64 * 1024;
    /**
     * How a source's file of {@code size} bytes is read: whole, its head only (images and audio above the file
     * limit), or not at all (too large: above {@link #MAX_PDF_BYTES} for PDFs, {@link #MAX_FILE_BYTES} for the rest).
     */
    static final ReadPolicy READ_POLICY = (path, size) -> {
        var kind = kindOf(path);
        if (kind == Kind.PDF) return size <= MAX_PDF_BYTES ? ReadPolicy.Decision.WHOLE : ReadPolicy.Decision.tooLarge(MAX_PDF_BYTES);
        if (size <= MAX_FILE_BYTES) return ReadPolicy.Decision.WHOLE;
        return kind == null ? ReadPolicy.Decision.tooLarge(MAX_FILE_BYTES) : ReadPolicy.Decision.head(HEAD_BYTES);
    };
    private static final Map<String, String> IMAGE = Map.of("png", "PNG", "jpg", "JPEG", "jpeg", "JPEG", "gif", "GIF", "bmp", "BMP",
            "tif", "TIFF", "tiff", "TIFF", "webp", "WebP");
    private static final Map<String, String> AUDIO = Map.of("wav", "WAV", "aif", "AIFF", "aiff", "AIFF", "aifc", "AIFF-C", "au", "AU",
            "mp3", "MP3", "m4a", "AAC (M4A)", "ogg", "Ogg", "flac", "FLAC", "aac", "AAC");
    private static final Map<String, String> MIME = Map.ofEntries(Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"), Map.entry("gif", "image/gif"), Map.entry("bmp", "image/bmp"), Map.entry("tif", "image/tiff"),
            Map.entry("tiff", "image/tiff"), Map.entry("webp", "image/webp"), Map.entry("wav", "audio/wav"), Map.entry("aif", "audio/aiff"),
            Map.entry("aiff", "audio/aiff"), Map.entry("aifc", "audio/aiff"), Map.entry("au", "audio/basic"), Map.entry("mp3", "audio/mpeg"),
            Map.entry("m4a", "audio/mp4"), Map.entry("ogg", "audio/ogg"), Map.entry("flac", "audio/flac"), Map.entry("aac", "audio/aac"),
            Map.entry("opus", "audio/opus"));

    private final MediaDescriber describer;
    private final int maxTokens;

    MediaFiles(MediaDescriber describer) {
        this(describer, Chunker.DEFAULT_MAX_TOKENS);
    }

    MediaFiles(MediaDescriber describer, int maxTokens) {
        this.describer = describer;
        this.maxTokens = maxTokens;
    }

    static Kind kindOf(String path) {
        String ext = extension(path);
        if (ext.equals("pdf")) return Kind.PDF;
        if (IMAGE.containsKey(ext)) return Kind.IMAGE;
        if (AUDIO.containsKey(ext) || ext.equals("opus")) return Kind.AUDIO;
        return null;
    }

    static String mimeType(String path) {
        String ext = extension(path);
        return ext.equals("pdf") ? "application/pdf" : MIME.getOrDefault(ext, "application/octet-stream");
    }

    private static String extension(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** The chunks of a PDF, image or audio file, or null when it is skipped (the reason added to {@code errors}). */
    List<Chunk> chunks(SourceFile f, List<FileError> errors) {
        var kind = kindOf(f.path());
        if (kind == null) throw new IllegalArgumentException("not a media file: " + f.path());
        return switch (kind) {
            case PDF -> pdf(f, errors);
            case IMAGE -> {
                String details = image(f, errors);
                yield details == null ? null : List.of(media(f, "image", details));
            }
            case AUDIO -> {
                String details = audio(f, errors);
                yield details == null ? null : List.of(media(f, "audio", details));
            }
        };
    }

    // ---- PDF

    private List<Chunk> pdf(SourceFile f, List<FileError> errors) {
        try (PDDocument doc = Loader.loadPDF(f.bytes())) {
            if (doc.isEncrypted() && !doc.getCurrentAccessPermission().canExtractContent()) {
                errors.add(new FileError(f.path(), "encrypted PDF whose permissions forbid text extraction; not indexed"));
                return null;
            }
            int pages = doc.getNumberOfPages();
            if (pages > MAX_PDF_PAGES) {
                errors.add(new FileError(f.path(), "PDF has " + pages + " pages, more than " + MAX_PDF_PAGES + "; not indexed"));
                return null;
            }
            var stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            var out = new ArrayList<Chunk>();
            for (int page = 1; page <= pages; page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String text = normalise(stripper.getText(doc));
                if (text.isBlank()) continue;
                addPage(out, f.path(), page, text);
            }
            if (out.isEmpty()) {
                errors.add(new FileError(f.path(), "PDF has no extractable text (scanned images?); not indexed"));
                return null;
            }
            out.add(0, pdfDocument(f, doc, pages));
            return out;
        } catch (InvalidPasswordException e) {
            errors.add(new FileError(f.path(), "encrypted PDF (a password is required); not indexed"));
            return null;
        } catch (IOException | RuntimeException e) {
            errors.add(new FileError(f.path(), "not a readable PDF (" + shorten(e.getMessage()) + "); not indexed"));
            return null;
        }
    }

    /** The document as a whole: name, page count, size and the title, author, subject and keywords it declares. */
    private Chunk pdfDocument(SourceFile f, PDDocument doc, int pages) {
        var text = new StringBuilder("PDF document ").append(f.path()).append('\n').append(pages).append(pages == 1 ? " page, " : " pages, ")
                .append(size(f.size()));
        var info = doc.getDocumentInformation();
        if (info != null) {
            appendField(text, "Title", info.getTitle());
            appendField(text, "Author", info.getAuthor());
            appendField(text, "Subject", info.getSubject());
            appendField(text, "Keywords", info.getKeywords());
        }
        text.append('\n').append("Name: ").append(words(f.path()));
        String name = f.path().substring(f.path().lastIndexOf('/') + 1);
        return chunk(f.path(), "pdf", name, "document", 1, pages, Tokens.truncate(text.toString(), maxTokens));
    }

    private static void appendField(StringBuilder sb, String label, String value) {
        if (value != null && !value.isBlank()) sb.append('\n').append(label).append(": ").append(value.strip());
    }

    private static String words(String path) {
        return String.join(" ", path.replaceAll("\\.[^./]+$", "").split("[^\\p{L}\\p{N}]+|(?<=\\p{Ll})(?=\\p{Lu})")).strip();
    }

    private void addPage(List<Chunk> out, String path, int page, String text) {
        if (Tokens.count(text) <= maxTokens) {
            out.add(chunk(path, "pdf", "page " + page, "page", page, page, text));
            return;
        }
        var part = new StringBuilder();
        int n = 0;
        for (String line : text.split("\n")) {
            String candidate = part.isEmpty() ? line : part + "\n" + line;
            if (!part.isEmpty() && Tokens.count(candidate) > maxTokens) {
                out.add(chunk(path, "pdf", "page " + page + " (part " + ++n + ")", "page", page, page, part.toString()));
                part.setLength(0);
                part.append(Tokens.count(line) > maxTokens ? Tokens.truncate(line, maxTokens) : line);
            } else {
                part.setLength(0);
                part.append(Tokens.count(candidate) > maxTokens ? Tokens.truncate(candidate, maxTokens) : candidate);
            }
        }
        if (!part.toString().isBlank()) out.add(chunk(path, "pdf", "page " + page + " (part " + ++n + ")", "page", page, page, part.toString()));
    }

    private static String normalise(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n').replaceAll("[ \\t]+\n", "\n").replaceAll("\n{3,}", "\n\n").strip();
    }

    // ---- images and audio

    /** Format and pixel size; null (and an error) for a file in a format ImageIO reads that it cannot read. */
    private String image(SourceFile f, List<FileError> errors) {
        String type = IMAGE.get(extension(f.path()));
        boolean readable = ImageIO.getImageReadersBySuffix(extension(f.path())).hasNext();
        try (var in = ImageIO.createImageInputStream(new ByteArrayInputStream(f.bytes()))) {
            var readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers != null && readers.hasNext()) {
                ImageReader reader = readers.next();
                try {
                    reader.setInput(in, true, true);
                    return reader.getFormatName().toUpperCase(Locale.ROOT) + " image, " + reader.getWidth(0) + " × " + reader.getHeight(0) + " pixels";
                } finally {
                    reader.dispose();
                }
            }
        } catch (IOException | RuntimeException e) {
            errors.add(new FileError(f.path(), "binary file that is not a readable " + type + " image (" + shorten(e.getMessage()) + "); not indexed"));
            return null;
        }
        if (readable) {
            errors.add(new FileError(f.path(), "binary file that is not a readable " + type + " image; not indexed"));
            return null;
        }
        return type + " image (dimensions not read for this format)";
    }

    /** Format details; null (and an error) for a WAV/AIFF/AU file javax.sound.sampled cannot read. */
    private String audio(SourceFile f, List<FileError> errors) {
        String ext = extension(f.path());
        String type = AUDIO.getOrDefault(ext, ext.toUpperCase(Locale.ROOT));
        boolean sampled = Set.of("wav", "aif", "aiff", "aifc", "au").contains(ext);
        try {
            AudioFileFormat ff = AudioSystem.getAudioFileFormat(new ByteArrayInputStream(f.bytes()));
            var fmt = ff.getFormat();
            var sb = new StringBuilder(ff.getType().toString()).append(" audio, ").append(fmt.getEncoding()).append(", ")
                    .append(Math.round(fmt.getSampleRate())).append(" Hz, ")
                    .append(fmt.getChannels() == 1 ? "mono" : fmt.getChannels() == 2 ? "stereo" : fmt.getChannels() + " channels");
            if (fmt.getSampleSizeInBits() > 0) sb.append(", ").append(fmt.getSampleSizeInBits()).append("-bit");
            long frames = ff.getFrameLength();
            if (frames > 0 && fmt.getFrameRate() > 0) sb.append(", duration ").append(duration(frames / fmt.getFrameRate()));
            return sb.toString();
        } catch (UnsupportedAudioFileException | IOException | RuntimeException e) {
            if (sampled) {
                errors.add(new FileError(f.path(), "binary file that is not a readable " + type + " recording; not indexed"));
                return null;
            }
            return type + " audio (format details not read for this format)";
        }
    }

    static String duration(double seconds) {
        long ms = Math.round(seconds * 1000);
        long m = ms / 60_000;
        double s = (ms % 60_000) / 1000.0;
        return m > 0 ? String.format(Locale.ROOT, "%d min %.1f s", m, s) : String.format(Locale.ROOT, "%.2f s", s);
    }

    private Chunk media(SourceFile f, String language, String details) {
        String name = f.path().substring(f.path().lastIndexOf('/') + 1);
        String words = words(f.path());
        var text = new StringBuilder();
        text.append(language.equals("image") ? "Image" : "Audio").append(" file ").append(f.path()).append('\n')
                .append(details).append(", ").append(size(f.size())).append(", ").append(mimeType(f.path())).append('\n')
                .append("Name: ").append(words);
        var kind = language.equals("image") ? Kind.IMAGE : Kind.AUDIO;
        // only whole files are described (a large file's head is not a picture or a recording)
        var described = f.truncated() ? java.util.Optional.<MediaDescriber.Description>empty()
                : describer.describe(kind, f.path(), mimeType(f.path()), f.bytes());
        described.ifPresent(d -> text.append('\n').append(kind == Kind.IMAGE ? "Caption" : "Transcript").append(" (").append(d.model()).append("): ")
                .append(Tokens.truncate(d.text().strip(), Math.max(64, maxTokens - 64))));
        return chunk(f.path(), language, name, "media", 1, 1, text.toString());
    }

    static String size(long bytes) {
        if (bytes < 1024) return bytes + " bytes";
        if (bytes < 1024 * 1024) return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }

    private static Chunk chunk(String path, String language, String symbol, String kind, int start, int end, String text) {
        String hash = Hashes.sha256(text);
        String id = "ctx_" + Hashes.sha256(path + "\n" + symbol + "\n" + hash).substring(0, 24);
        return new Chunk(id, path, language, symbol, kind, start, end, text, hash, Tokens.count(text));
    }

    private static String shorten(String s) {
        if (s == null) return "unknown error";
        return s.length() > 160 ? s.substring(0, 160) + "…" : s;
    }
}
