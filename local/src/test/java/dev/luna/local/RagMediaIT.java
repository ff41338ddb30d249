package dev.luna.local;

import static dev.luna.local.RagMediaFixtures.encryptedPdf;
import static dev.luna.local.RagMediaFixtures.pdf;
import static dev.luna.local.RagMediaFixtures.png;
import static dev.luna.local.RagMediaFixtures.wav;
import static dev.luna.local.RagSourcesRuntime.job;
import static dev.luna.local.RagSourcesRuntime.project;
import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.core.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * PDFs, images and audio as RAG sources, end to end over HTTP: PDFs by page, images and recordings by their
 * metadata plus captions and transcripts from an OpenAI wire-protocol stand-in ({@link RagSourcesRuntime}), and large
 * recordings and PDFs from an S3 prefix.
 */
class RagMediaIT {
    static Api api;
    static RagSourcesRuntime sources;

    @BeforeAll
    static void start() {
        sources = RagSourcesRuntime.get();
        api = sources.api;
    }

    static Api.Response index(String project, Map<String, Object> source) {
        return sources.index(project, source);
    }

    @Test
    void pdfsAreIndexedByPageAndImagesAndAudioByTheirMetadata() throws Exception {
        String project = project(api);
        var files = new LinkedHashMap<String, byte[]>();
        files.put("manuals/operations-guide.pdf", pdf(List.of("Installing the reactor\nConnect the coolant pump first.",
                "Shutting down safely\nLower the control rods before opening the valve.")));
        files.put("manuals/locked.pdf", encryptedPdf());
        files.put("manuals/broken.pdf", "%PDF-1.7\nthis is not really a pdf\n".getBytes());
        files.put("design/architectureDiagram.png", png(64, 32));
        files.put("sounds/door-chime.wav", wav(8000, 8000));
        files.put("sounds/jingle.mp3", new byte[] {(byte) 0xFF, (byte) 0xFB, 0x10, 0x00, 1, 2, 3, 4});
        var list = files.entrySet().stream().map(e -> Map.of("path", e.getKey(), "contentBase64", Base64.getEncoder().encodeToString(e.getValue()))).toList();
        var job = job(api, index(project, Map.of("type", "inline", "files", list)));
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("succeeded");
        assertThat(job.get("result").get("filesIndexed").asInt()).isEqualTo(4);
        var errors = new LinkedHashMap<String, String>();
        job.get("errors").forEach(e -> errors.put(e.get("path").asString(), e.get("reason").asString()));
        assertThat(errors).containsOnlyKeys("manuals/locked.pdf", "manuals/broken.pdf");
        assertThat(errors.get("manuals/locked.pdf")).contains("encrypted");
        assertThat(errors.get("manuals/broken.pdf")).contains("not a readable PDF");

        var page = query(project, "control rods valve", Map.of("language", "pdf"));
        assertThat(page.get("path").asString()).isEqualTo("manuals/operations-guide.pdf");
        assertThat(page.get("symbol").asString()).isEqualTo("page 2");
        assertThat(page.get("startLine").asInt()).isEqualTo(2);
        assertThat(page.get("endLine").asInt()).isEqualTo(2);
        assertThat(page.get("content").asString()).contains("Lower the control rods").doesNotContain("coolant");

        var image = query(project, "architecture diagram", Map.of("language", "image"));
        assertThat(image.get("path").asString()).isEqualTo("design/architectureDiagram.png");
        byte[] pngBytes = files.get("design/architectureDiagram.png");
        assertThat(image.get("content").asString()).contains("PNG image, 64 × 32 pixels").contains("image/png").contains("architecture")
                .contains("Caption (gpt-4o-mini-2026): A black architecture diagram placeholder of " + pngBytes.length + " bytes");

        var chime = query(project, "door chime", Map.of("language", "audio"));
        assertThat(chime.get("content").asString()).contains("WAVE audio").contains("8000 Hz").contains("mono").contains("16-bit")
                .contains("duration 1.00 s").contains("Transcript (whisper-1): Ding dong, the door is open.");
        var jingle = query(project, "jingle", Map.of("language", "audio"));
        // the transcription service refused it: described by its metadata only
        assertThat(jingle.get("content").asString()).contains("MP3 audio (format details not read").contains("8 bytes").contains("audio/mpeg")
                .doesNotContain("Transcript");
        assertThat(sources.mediaRequests).contains("/v1/chat/completions", "/v1/audio/transcriptions");
        // the transcript is searchable
        assertThat(query(project, "door open ding", Map.of("language", "audio")).get("path").asString()).isEqualTo("sounds/door-chime.wav");
    }

    @Test
    void largeRecordingsAreIndexedByTheirHeadAndLargePdfsWholeFromAnS3Prefix() throws Exception {
        String project = project(api);
        var e = sources.runtime.emulators();
        var config = dev.luna.store.LunaConfig.from(Map.of("AWS_REGION", "us-east-1", dev.luna.store.LunaConfig.DYNAMODB_ENDPOINT,
                e.dynamoEndpoint().toString(), dev.luna.store.LunaConfig.S3_ENDPOINT, e.s3Endpoint().toString(),
                dev.luna.store.LunaConfig.SQS_ENDPOINT, e.sqsEndpoint().toString(), dev.luna.store.LunaConfig.RESOURCE_PREFIX, "luna")::get);
        byte[] recording = wav(8000, 8000 * 200); // 200 s of 16-bit mono: 3.2 MB
        byte[] filler = new byte[2 * 1024 * 1024];
        new java.util.Random(7).nextBytes(filler);
        byte[] bigPdf;
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf(List.of("Quarterly audit findings\nNo material weaknesses were found.")));
             var out = new ByteArrayOutputStream()) {
            doc.getDocumentCatalog().setMetadata(new org.apache.pdfbox.pdmodel.common.PDMetadata(doc, new ByteArrayInputStream(filler)));
            doc.save(out);
            bigPdf = out.toByteArray();
        }
        assertThat(recording.length).isGreaterThan(3_000_000);
        assertThat(bigPdf.length).isGreaterThan(2_000_000);
        try (var aws = new dev.luna.store.AwsClients(config)) {
            String bucket = config.bucketName("artifacts");
            aws.s3().putObject(b -> b.bucket(bucket).key("projects/" + project + "/media/all-hands-recording.wav"),
                    software.amazon.awssdk.core.sync.RequestBody.fromBytes(recording));
            aws.s3().putObject(b -> b.bucket(bucket).key("projects/" + project + "/media/audit-report.pdf"),
                    software.amazon.awssdk.core.sync.RequestBody.fromBytes(bigPdf));
            aws.s3().putObject(b -> b.bucket(bucket).key("projects/" + project + "/media/huge-log.txt"),
                    software.amazon.awssdk.core.sync.RequestBody.fromBytes(filler));
        }
        var job = job(api, index(project, Map.of("type", "s3", "prefix", "media/")));
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("succeeded");
        assertThat(job.get("result").get("filesIndexed").asInt()).isEqualTo(2);
        assertThat(job.get("errors").toString()).contains("huge-log.txt").contains("larger than 1048576 bytes");
        var audio = query(project, "all hands recording", Map.of("language", "audio"));
        assertThat(audio.get("content").asString()).contains("WAVE audio, PCM_SIGNED, 8000 Hz, mono, 16-bit, duration 3 min 20.0 s")
                .contains("3.1 MB").doesNotContain("Transcript");
        assertThat(query(project, "material weaknesses audit", Map.of("language", "pdf")).get("symbol").asString()).isEqualTo("page 1");
        // unchanged on a second run, though only its head was read
        var again = job(api, index(project, Map.of("type", "s3", "prefix", "media/")));
        assertThat(again.get("result").get("filesUnchanged").asInt()).isEqualTo(2);
    }

    static JsonNode query(String project, String text, Map<String, String> filters) {
        var r = api.post("/api/v1/rag/query", Json.write(Map.of("projectId", project, "query", text, "mode", "keyword", "filters", filters)));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.data().get("contexts").size()).as(r.toString()).isPositive();
        return r.data().get("contexts").get(0);
    }
}
