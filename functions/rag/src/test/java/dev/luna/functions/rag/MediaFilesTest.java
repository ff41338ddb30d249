package dev.luna.functions.rag;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.rag.Chunk;
import dev.luna.rag.Tokens;
import dev.luna.sources.SourceFile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

/** PDFs by page, images and audio by metadata, and the describer hook. */
class MediaFilesTest {
    final MediaFiles plain = new MediaFiles(MediaDescriber.NONE, 60);

    @Test
    void kindsAreKnownByExtension() {
        assertThat(MediaFiles.kindOf("a/B.PDF")).isEqualTo(MediaFiles.Kind.PDF);
        assertThat(MediaFiles.kindOf("x.jpeg")).isEqualTo(MediaFiles.Kind.IMAGE);
        assertThat(MediaFiles.kindOf("x.flac")).isEqualTo(MediaFiles.Kind.AUDIO);
        assertThat(MediaFiles.kindOf("x.svg")).isNull();
        assertThat(MediaFiles.kindOf("Makefile")).isNull();
        assertThat(MediaFiles.duration(83.25)).isEqualTo("1 min 23.3 s");
    }

    @Test
    void aPdfBecomesOneChunkPerPageAndLongPagesAreSplitWithinThePage() throws IOException {
        var longPage = new StringBuilder();
        for (int i = 1; i <= 30; i++) longPage.append("Line ").append(i).append(" explains the pump maintenance schedule\n");
        byte[] pdf = pdf(List.of("Cover page of the manual", "", longPage.toString().strip()), null);
        var errors = new ArrayList<FileError>();
        List<Chunk> chunks = plain.chunks(new SourceFile("docs/manual.pdf", pdf), errors);
        assertThat(errors).isEmpty();
        var document = chunks.get(0);
        assertThat(document.kind()).isEqualTo("document");
        assertThat(document.symbol()).isEqualTo("manual.pdf");
        assertThat(document.startLine()).isEqualTo(1);
        assertThat(document.endLine()).isEqualTo(3);
        assertThat(document.content()).startsWith("PDF document docs/manual.pdf\n3 pages, ").contains("Title: Pump manual")
                .contains("Author: Maintenance team").endsWith("Name: docs manual");
        assertThat(chunks.get(1).symbol()).isEqualTo("page 1");
        assertThat(chunks.get(1).content()).isEqualTo("Cover page of the manual");
        // page 2 is empty: left out; page 3 is split into parts that stay on page 3
        var page3 = chunks.subList(2, chunks.size());
        assertThat(page3).hasSizeGreaterThan(1).allSatisfy(c -> {
            assertThat(c.startLine()).isEqualTo(3);
            assertThat(c.endLine()).isEqualTo(3);
            assertThat(c.symbol()).startsWith("page 3 (part ");
            assertThat(c.language()).isEqualTo("pdf");
            assertThat(c.kind()).isEqualTo("page");
            assertThat(c.tokenCount()).isLessThanOrEqualTo(60).isEqualTo(Tokens.count(c.content()));
        });
        assertThat(String.join("\n", page3.stream().map(Chunk::content).toList())).contains("Line 1 ").contains("Line 30 ");
    }

    @Test
    void encryptedScannedAndBrokenPdfsAreSkippedWithAReason() throws IOException {
        var errors = new ArrayList<FileError>();
        assertThat(plain.chunks(new SourceFile("locked.pdf", pdf(List.of("secret"), "user-pw")), errors)).isNull();
        var noExtract = new AccessPermission();
        noExtract.setCanExtractContent(false);
        assertThat(plain.chunks(new SourceFile("noextract.pdf", pdf(List.of("secret"), "", noExtract)), errors)).isNull();
        assertThat(plain.chunks(new SourceFile("scan.pdf", pdf(List.of(""), null)), errors)).isNull();
        assertThat(plain.chunks(new SourceFile("broken.pdf", "%PDF-1.4 nope".getBytes()), errors)).isNull();
        assertThat(errors).extracting(FileError::reason).satisfiesExactly(
                r -> assertThat(r).contains("password is required"),
                r -> assertThat(r).contains("forbid text extraction"),
                r -> assertThat(r).contains("no extractable text"),
                r -> assertThat(r).contains("not a readable PDF"));
    }

    @Test
    void imagesAndAudioAreDescribedByMetadataAndByTheDescriberWhenItAnswers() throws IOException {
        var img = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        var png = new ByteArrayOutputStream();
        ImageIO.write(img, "png", png);
        var errors = new ArrayList<FileError>();
        var image = plain.chunks(new SourceFile("ui/loginScreen.png", png.toByteArray()), errors).get(0);
        assertThat(image.language()).isEqualTo("image");
        assertThat(image.symbol()).isEqualTo("loginScreen.png");
        assertThat(image.content()).contains("Image file ui/loginScreen.png").contains("PNG image, 40 × 20 pixels").contains("Name: ui login Screen");
        var webp = plain.chunks(new SourceFile("ui/logo.webp", new byte[] {1, 2, 3}), errors).get(0);
        assertThat(webp.content()).contains("WebP image").contains("3 bytes");

        var format = new AudioFormat(16000, 16, 2, true, false);
        var wav = new ByteArrayOutputStream();
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(new byte[16000 * 4 * 2]), format, 32000), AudioFileFormat.Type.WAVE, wav);
        MediaDescriber describer = (kind, path, mime, bytes) -> kind == MediaFiles.Kind.AUDIO && mime.equals("audio/wav")
                ? Optional.of(new MediaDescriber.Description("Two seconds of silence.", "test-model")) : Optional.empty();
        var audio = new MediaFiles(describer).chunks(new SourceFile("a/quiet.wav", wav.toByteArray()), errors).get(0);
        assertThat(audio.content()).contains("WAVE audio, PCM_SIGNED, 16000 Hz, stereo, 16-bit, duration 2.00 s")
                .contains("Transcript (test-model): Two seconds of silence.");
        assertThat(errors).isEmpty();

        assertThat(plain.chunks(new SourceFile("broken.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13}), errors)).isNull();
        assertThat(plain.chunks(new SourceFile("broken.wav", "RIFF????WAVEnope".getBytes()), errors)).isNull();
        assertThat(errors).extracting(FileError::reason).satisfiesExactly(
                r -> assertThat(r).startsWith("binary file that is not a readable PNG image"),
                r -> assertThat(r).startsWith("binary file that is not a readable WAV recording"));
    }

    static byte[] pdf(List<String> pages, String userPassword) throws IOException {
        return pdf(pages, userPassword, new AccessPermission());
    }

    static byte[] pdf(List<String> pages, String userPassword, AccessPermission permission) throws IOException {
        try (var doc = new PDDocument(); var out = new ByteArrayOutputStream()) {
            for (String text : pages) {
                var page = new PDPage();
                doc.addPage(page);
                if (text.isEmpty()) continue;
                try (var cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 10);
                    cs.setLeading(12);
                    cs.newLineAtOffset(40, 750);
                    for (String line : text.split("\n")) {
                        cs.showText(line);
                        cs.newLine();
                    }
                    cs.endText();
                }
            }
            doc.getDocumentInformation().setTitle("Pump manual");
            doc.getDocumentInformation().setAuthor("Maintenance team");
            if (userPassword != null) {
                var policy = new StandardProtectionPolicy("owner-pw", userPassword, permission);
                policy.setEncryptionKeyLength(128);
                doc.protect(policy);
            }
            doc.save(out);
            byte[] bytes = out.toByteArray();
            if (userPassword != null && userPassword.isEmpty()) {
                try (var check = Loader.loadPDF(bytes)) {
                    assertThat(check.isEncrypted()).isTrue();
                }
            }
            return bytes;
        }
    }
}
