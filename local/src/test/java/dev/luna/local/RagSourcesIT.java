package dev.luna.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.core.Json;
import dev.luna.llm.ProviderStandIn;
import dev.luna.sources.GitHttpStandIn;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.util.FileUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * RAG sources beyond inline files and archives, end to end over HTTP: git repositories served over the smart-HTTP
 * protocol by a real socket (and file:// URLs) with incremental re-indexing, refs, tokens and failures; PDFs,
 * images and audio; the {@code summarize} strategy through a configured provider (an OpenAI wire-protocol
 * stand-in) and the savings it records in token usage. The runtime here allows local git sources and private hosts,
 * as {@code ./scripts/local} does; the shared test runtime (strict, as in AWS) checks the refusals.
 */
class RagSourcesIT {
    static final String KEY = "luna_rag_sources_admin_key_0000000000000001";
    static final String TOKEN = "ghp_standin_token_0123456789";
    static ProviderStandIn openai;
    static LocalRuntime runtime;
    static Api api;
    static Path repoDir;
    static Git repo;
    static GitHttpStandIn git;
    /** Speaks OpenAI's image-input chat completions and audio transcriptions, for captions and transcripts. */
    static com.sun.net.httpserver.HttpServer media;
    static final List<String> mediaRequests = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        openai = new ProviderStandIn(ProviderStandIn.Dialect.OPENAI);
        media = mediaStandIn();
        runtime = LocalRuntime.builder().port(0).dataDirectory(null).adminKey(KEY)
                .setting("LUNA_OPENAI_API_KEY", "sk-standin-openai").setting("LUNA_OPENAI_BASE_URL", openai.baseUrl())
                .setting("LUNA_RAG_GIT_ALLOW_LOCAL", "true").setting("LUNA_RAG_GIT_ALLOW_PRIVATE_HOSTS", "true")
                .setting("LUNA_RAG_GIT_TOKEN_STANDIN_TOKEN", TOKEN)
                .setting("LUNA_RAG_MEDIA_DESCRIPTIONS", "openai")
                .setting("LUNA_RAG_MEDIA_BASE_URL", "http://127.0.0.1:" + media.getAddress().getPort() + "/v1")
                .start();
        api = new Api(runtime.baseUri(), KEY);
        repoDir = Files.createTempDirectory("luna-rag-sources-repo");
        repo = Git.init().setDirectory(repoDir.toFile()).setInitialBranch("main").call();
        git = new GitHttpStandIn(repo.getRepository());
    }

    @AfterAll
    static void stop() throws IOException {
        git.close();
        repo.close();
        FileUtils.delete(repoDir.toFile(), FileUtils.RECURSIVE | FileUtils.RETRY);
        runtime.close();
        openai.close();
        media.stop(0);
    }

    /**
     * Answers {@code /v1/chat/completions} with an image part as OpenAI does (a caption naming the picture's size in
     * bytes, so the test sees the image arrived whole), and {@code /v1/audio/transcriptions} for WAV files (anything
     * else gets OpenAI's 400 for an unsupported file).
     */
    static com.sun.net.httpserver.HttpServer mediaStandIn() throws IOException {
        var server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 8);
        server.createContext("/v1/", ex -> {
            try (ex) {
                byte[] body = ex.getRequestBody().readAllBytes();
                String path = ex.getRequestURI().getPath();
                String auth = ex.getRequestHeaders().getFirst("Authorization");
                mediaRequests.add(path);
                String answer;
                int status = 200;
                if (!"Bearer sk-standin-openai".equals(auth)) {
                    status = 401;
                    answer = "{\"error\":{\"message\":\"bad key\"}}";
                } else if (path.equals("/v1/chat/completions")) {
                    var req = Json.tree(new String(body, java.nio.charset.StandardCharsets.UTF_8));
                    String url = req.get("messages").get(0).get("content").get(1).get("image_url").get("url").asString();
                    int size = Base64.getDecoder().decode(url.substring(url.indexOf(',') + 1)).length;
                    answer = Json.write(Map.of("id", "chatcmpl-media", "object", "chat.completion", "model", req.get("model").asString() + "-2026",
                            "choices", List.of(Map.of("index", 0, "finish_reason", "stop", "message", Map.of("role", "assistant",
                                    "content", "A black architecture diagram placeholder of " + size + " bytes, no labels."))),
                            "usage", Map.of("prompt_tokens", 90, "completion_tokens", 12, "total_tokens", 102)));
                } else if (path.equals("/v1/audio/transcriptions")) {
                    String text = new String(body, java.nio.charset.StandardCharsets.ISO_8859_1);
                    boolean wav = text.contains("name=\"file\"; filename=\"door-chime.wav\"") && text.contains("RIFF") && text.contains("whisper-1");
                    status = wav ? 200 : 400;
                    answer = wav ? "{\"text\":\"Ding dong, the door is open.\"}"
                            : "{\"error\":{\"message\":\"Invalid file format.\",\"type\":\"invalid_request_error\"}}";
                } else {
                    status = 404;
                    answer = "{}";
                }
                byte[] out = answer.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                ex.getResponseHeaders().add("Content-Type", "application/json");
                ex.sendResponseHeaders(status, out.length);
                ex.getResponseBody().write(out);
            }
        });
        server.start();
        return server;
    }

    static String project(Api on) {
        var r = on.post("/api/v1/projects", "{\"name\":\"" + TestRuntime.unique("rag-src") + "\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.data().get("id").asString();
    }

    static synchronized RevCommit commit(Map<String, String> write, List<String> delete, String message) throws Exception {
        for (var e : write.entrySet()) {
            Path p = repoDir.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, e.getValue());
        }
        for (String d : delete) {
            Files.delete(repoDir.resolve(d));
            repo.rm().addFilepattern(d).call();
        }
        repo.add().addFilepattern(".").call();
        return repo.commit().setMessage(message).setAuthor("Test", "test@example.com").setCommitter("Test", "test@example.com")
                .setSign(false).call();
    }

    static Api.Response index(String project, Map<String, Object> source) {
        return api.post("/api/v1/rag/index", Json.write(Map.of("projectId", project, "source", source)));
    }

    /** The job behind a 202 (local runs jobs in the request, so it has finished). */
    /** The job once it ended (this runtime runs jobs from the queue, as in AWS: poll the status link). */
    static JsonNode job(Api on, Api.Response accepted) {
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        String link = accepted.json().get("links").get("status").asString();
        var r = Await.until(() -> on.get(link), x -> x.status() == 200 && List.of("succeeded", "failed").contains(x.data().get("status").asString()),
                "index job " + link + " to end");
        return r.data();
    }

    static List<String> paths(Api on, String project, String query) {
        var r = on.post("/api/v1/rag/query", Json.write(Map.of("projectId", project, "query", query, "mode", "keyword", "topK", 50)));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        var out = new ArrayList<String>();
        r.data().get("contexts").forEach(c -> out.add(c.get("path").asString()));
        return out;
    }

    static final String BILLING = """
            package com.acme.billing;

            /** Computes invoice totals with tax. */
            public final class BillingCalculator {
                /** The gross amount of a net amount at the given VAT rate. */
                public long grossAmount(long net, int vatPercent) {
                    return net + net * vatPercent / 100;
                }
            }
            """;

    // ---- git

    @Test
    void aGitRepositoryOverSmartHttpIsIndexedAndReindexedIncrementallyByRef() throws Exception {
        String project = project(api);
        // the repository is shared by the git tests; each test starts from its own commits
        RevCommit c1 = commit(Map.of("src/main/java/com/acme/billing/BillingCalculator.java", BILLING,
                "README.md", "# Acme billing\n\nComputes invoices.\n", "tools/cleanup_ledger.py", "def cleanup_ledger():\n    return 0\n"),
                List.of(), "first");
        repo.tag().setName("v1-" + c1.name().substring(0, 7)).setObjectId(c1).setAnnotated(true).setMessage("v1").setSigned(false).call();
        var first = job(api, index(project, Map.of("type", "git", "url", git.url(), "ref", "main")));
        assertThat(first.get("status").asString()).as(first.toString()).isEqualTo("succeeded");
        assertThat(first.get("sourceType").asString()).isEqualTo("git");
        assertThat(first.get("result").get("revision").asString()).isEqualTo(c1.name());
        int filesAtC1 = first.get("result").get("filesIndexed").asInt() + first.get("result").get("filesUnchanged").asInt();
        assertThat(git.shallowRequests()).as("fetched with depth 1").isPositive();
        assertThat(paths(api, project, "BillingCalculator grossAmount")).contains("src/main/java/com/acme/billing/BillingCalculator.java");
        assertThat(paths(api, project, "cleanup_ledger")).contains("tools/cleanup_ledger.py");

        // a new commit: one file changed, one deleted, one added — only those are touched
        RevCommit c2 = commit(Map.of("README.md", "# Acme billing\n\nComputes invoices and credit notes.\n",
                "src/main/java/com/acme/billing/CreditNote.java", "package com.acme.billing;\n\n/** A refund. */\npublic record CreditNote(long amount) {\n}\n"),
                List.of("tools/cleanup_ledger.py"), "second");
        var second = job(api, index(project, Map.of("type", "git", "url", git.url(), "ref", "main")));
        assertThat(second.get("status").asString()).as(second.toString()).isEqualTo("succeeded");
        var r2 = second.get("result");
        assertThat(r2.get("revision").asString()).isEqualTo(c2.name());
        assertThat(r2.get("filesIndexed").asInt()).isEqualTo(2);
        assertThat(r2.get("filesUnchanged").asInt()).isEqualTo(filesAtC1 - 2);
        assertThat(r2.get("filesDeleted").asInt()).isEqualTo(1);
        assertThat(paths(api, project, "cleanup_ledger")).doesNotContain("tools/cleanup_ledger.py");
        assertThat(paths(api, project, "CreditNote refund")).contains("src/main/java/com/acme/billing/CreditNote.java");

        // an annotated tag of the first commit brings it back; a full commit id of the second returns to it
        var tagged = job(api, index(project, Map.of("type", "git", "url", git.url(), "ref", "v1-" + c1.name().substring(0, 7))));
        assertThat(tagged.get("status").asString()).as(tagged.toString()).isEqualTo("succeeded");
        assertThat(tagged.get("result").get("revision").asString()).isEqualTo(c1.name());
        assertThat(paths(api, project, "cleanup_ledger")).contains("tools/cleanup_ledger.py");
        var byId = job(api, index(project, Map.of("type", "git", "url", git.url(), "ref", c2.name())));
        assertThat(byId.get("status").asString()).as(byId.toString()).isEqualTo("succeeded");
        assertThat(byId.get("result").get("revision").asString()).isEqualTo(c2.name());
        assertThat(paths(api, project, "cleanup_ledger")).doesNotContain("tools/cleanup_ledger.py");

        // include/exclude apply as for other sources; the default branch is used without a ref
        var javaOnly = job(api, api.post("/api/v1/rag/index", Json.write(Map.of("projectId", project(api),
                "source", Map.of("type", "git", "url", git.url()), "include", List.of("**.java")))));
        assertThat(javaOnly.get("status").asString()).as(javaOnly.toString()).isEqualTo("succeeded");
        assertThat(javaOnly.get("result").get("revision").asString()).isEqualTo(repo.getRepository().resolve("main").name());
        assertThat(javaOnly.get("result").get("filesIndexed").asInt()).isEqualTo(2);
    }

    @Test
    void gitFailuresFailTheJobWithAClearReasonAndLeaveTheIndexAlone() throws Exception {
        String project = project(api);
        commit(Map.of("docs/failures.md", "# Failures\n\nNothing fails here.\n"), List.of(), "failures");
        var ok = job(api, index(project, Map.of("type", "git", "url", git.url())));
        assertThat(ok.get("status").asString()).as(ok.toString()).isEqualTo("succeeded");
        long chunks = ok.get("result").get("chunksInIndex").asLong();

        var unknownRef = job(api, index(project, Map.of("type", "git", "url", git.url(), "ref", "no-such-branch")));
        assertThat(unknownRef.get("status").asString()).isEqualTo("failed");
        assertThat(unknownRef.get("failure").asString()).contains("ref 'no-such-branch' was not found").contains("main");

        var unknownCommit = job(api, index(project, Map.of("type", "git", "url", git.url(), "ref", "0123456789abcdef0123456789abcdef01234567")));
        assertThat(unknownCommit.get("status").asString()).isEqualTo("failed");
        assertThat(unknownCommit.get("failure").asString()).contains("0123456789abcdef0123456789abcdef01234567");

        int closedPort;
        try (var s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        var unreachable = job(api, index(project, Map.of("type", "git", "url", "http://127.0.0.1:" + closedPort + "/repo.git")));
        assertThat(unreachable.get("status").asString()).isEqualTo("failed");
        assertThat(unreachable.get("failure").asString()).contains("could not be reached");

        var noRepo = job(api, index(project, Map.of("type", "git", "url", git.url().replace("/repo.git", "/other.git"))));
        assertThat(noRepo.get("status").asString()).isEqualTo("failed");
        assertThat(noRepo.get("failure").asString()).contains("no repository at this URL");

        // none of it changed the index
        var again = job(api, index(project, Map.of("type", "git", "url", git.url())));
        assertThat(again.get("status").asString()).isEqualTo("succeeded");
        assertThat(again.get("result").get("filesIndexed").asInt()).isZero();
        assertThat(again.get("result").get("chunksInIndex").asLong()).isEqualTo(chunks);
    }

    @Test
    void aPrivateRepositoryIsFetchedWithTheTokenOfANamedSecretWhichIsNeverStored() throws Exception {
        Path dir = Files.createTempDirectory("luna-rag-private-repo");
        try (Git priv = Git.init().setDirectory(dir.toFile()).setInitialBranch("trunk").call();
             var server = new GitHttpStandIn(priv.getRepository())) {
            Files.writeString(dir.resolve("Secret.java"), "/** Holds the launch codes. */\nclass LaunchCodes {\n}\n");
            priv.add().addFilepattern(".").call();
            priv.commit().setMessage("init").setAuthor("T", "t@example.com").setCommitter("T", "t@example.com").setSign(false).call();
            server.token(TOKEN);
            String project = project(api);

            var refused = job(api, index(project, Map.of("type", "git", "url", server.url())));
            assertThat(refused.get("status").asString()).isEqualTo("failed");
            assertThat(refused.get("failure").asString()).contains("refused access").contains("credentialsSecret");
            assertThat(server.unauthorized()).isPositive();

            var unknown = job(api, index(project, Map.of("type", "git", "url", server.url(), "credentialsSecret", "not-configured")));
            assertThat(unknown.get("status").asString()).isEqualTo("failed");
            assertThat(unknown.get("failure").asString()).contains("credentials secret 'not-configured' is not configured");

            var accepted = index(project, Map.of("type", "git", "url", server.url(), "credentialsSecret", "standin-token"));
            var ok = job(api, accepted);
            assertThat(ok.get("status").asString()).as(ok.toString()).isEqualTo("succeeded");
            assertThat(ok.get("result").get("filesIndexed").asInt()).isEqualTo(1);
            assertThat(paths(api, project, "LaunchCodes")).containsExactly("Secret.java");
            assertThat(accepted.body()).doesNotContain(TOKEN);
            assertThat(api.get(accepted.json().get("links").get("status").asString()).body()).doesNotContain(TOKEN);
        } finally {
            FileUtils.delete(dir.toFile(), FileUtils.RECURSIVE | FileUtils.RETRY);
        }
    }

    @Test
    void aFileUrlAndALocalPathAreIndexedWhereLocalSourcesAreAllowed() throws Exception {
        RevCommit c = commit(Map.of("docs/local.md", "# Local checkouts\n\nIndexed straight from disk.\n"), List.of(), "local");
        String project = project(api);
        var byUrl = job(api, index(project, Map.of("type", "git", "url", repoDir.toUri().toString(), "ref", "main")));
        assertThat(byUrl.get("status").asString()).as(byUrl.toString()).isEqualTo("succeeded");
        assertThat(byUrl.get("result").get("revision").asString()).isEqualTo(c.name());
        assertThat(paths(api, project, "Local checkouts disk")).contains("docs/local.md");
        var byPath = job(api, index(project, Map.of("type", "git", "url", repoDir.toAbsolutePath().toString())));
        assertThat(byPath.get("status").asString()).as(byPath.toString()).isEqualTo("succeeded");
        assertThat(byPath.get("result").get("filesIndexed").asInt()).isZero();

        var missing = index(project, Map.of("type", "git", "url", repoDir.resolve("nope").toUri().toString()));
        assertThat(missing.status()).as(missing.toString()).isEqualTo(400);
    }

    @Test
    void aStrictDeploymentRefusesUnsafeGitSourcesAtSubmission() {
        var strict = TestRuntime.admin(); // no LUNA_RAG_GIT_ALLOW_* settings, as in AWS
        String project = project(strict);
        List<Map<String, Object>> bad = List.of(
                Map.of("type", "git"),
                Map.of("type", "git", "url", "not a url"),
                Map.of("type", "git", "url", "github.com/acme/repo.git"),
                Map.of("type", "git", "url", "http://github.com/acme/repo.git"),
                Map.of("type", "git", "url", "ssh://git@github.com/acme/repo.git"),
                Map.of("type", "git", "url", "git://github.com/acme/repo.git"),
                Map.of("type", "git", "url", "file:///etc"),
                Map.of("type", "git", "url", "/etc"),
                Map.of("type", "git", "url", "https://127.0.0.1/acme/repo.git"),
                Map.of("type", "git", "url", "https://10.0.0.8/acme/repo.git"),
                Map.of("type", "git", "url", "https://169.254.169.254/latest/meta-data"),
                Map.of("type", "git", "url", "https://localhost/acme/repo.git"),
                Map.of("type", "git", "url", "https://[::1]/acme/repo.git"),
                Map.of("type", "git", "url", "https://user:hunter2@github.com/acme/repo.git"),
                Map.of("type", "git", "url", "https://github.com/acme/repo.git?x=1"),
                Map.of("type", "git", "url", "https://github.com/" + "a".repeat(2100)),
                Map.of("type", "git", "url", "https://github.com/acme/repo.git", "ref", "bad..ref"),
                Map.of("type", "git", "url", "https://github.com/acme/repo.git", "ref", ""),
                Map.of("type", "git", "url", "https://github.com/acme/repo.git", "credentialsSecret", "../llm/openai"));
        for (var source : bad) {
            var r = strict.post("/api/v1/rag/index", Json.write(Map.of("projectId", project, "source", source)));
            assertThat(r.status()).as(source + " → " + r).isEqualTo(400);
            assertThat(r.errorCode()).as(r.toString()).isEqualTo("VALIDATION_FAILED");
            assertThat(r.body()).doesNotContain("hunter2");
        }
        var q = strict.post("/api/v1/rag/query", Json.write(Map.of("projectId", project, "query", "repo", "mode", "keyword")));
        assertThat(q.data().get("contexts").size()).isZero();
    }

    // ---- PDF, images, audio

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
        assertThat(mediaRequests).contains("/v1/chat/completions", "/v1/audio/transcriptions");
        // the transcript is searchable
        assertThat(query(project, "door open ding", Map.of("language", "audio")).get("path").asString()).isEqualTo("sounds/door-chime.wav");
    }

    @Test
    void largeRecordingsAreIndexedByTheirHeadAndLargePdfsWholeFromAnS3Prefix() throws Exception {
        String project = project(api);
        var e = runtime.emulators();
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

    static byte[] pdf(List<String> pages) throws IOException {
        try (var doc = new PDDocument(); var out = new ByteArrayOutputStream()) {
            for (String text : pages) {
                var page = new PDPage();
                doc.addPage(page);
                try (var cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                    cs.setLeading(16);
                    cs.newLineAtOffset(72, 700);
                    for (String line : text.split("\n")) {
                        cs.showText(line);
                        cs.newLine();
                    }
                    cs.endText();
                }
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    static byte[] encryptedPdf() throws IOException {
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf(List.of("Top secret page"))); var out = new ByteArrayOutputStream()) {
            var policy = new StandardProtectionPolicy("owner-password", "user-password", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            doc.save(out);
            return out.toByteArray();
        }
    }

    static byte[] png(int w, int h) throws IOException {
        var img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        var out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    static byte[] wav(int sampleRate, int frames) throws IOException {
        var format = new AudioFormat(sampleRate, 16, 1, true, false);
        byte[] pcm = new byte[frames * 2];
        for (int i = 0; i < frames; i++) {
            short s = (short) (Math.sin(2 * Math.PI * 440 * i / sampleRate) * 8000);
            pcm[2 * i] = (byte) s;
            pcm[2 * i + 1] = (byte) (s >> 8);
        }
        var out = new ByteArrayOutputStream();
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(pcm), format, frames), AudioFileFormat.Type.WAVE, out);
        return out.toByteArray();
    }

    // ---- summarisation and recorded savings

    static final String LOW_RELEVANCE = """
            /** Formats ledger rows for the monthly statement export. */
            public final class StatementFormatter {
                private final java.util.Locale locale;

                StatementFormatter(java.util.Locale locale) {
                    this.locale = locale;
                }

                /** One row: date, description, amount with two decimals, running balance. */
                String row(java.time.LocalDate date, String description, long cents, long balance) {
                    var sb = new StringBuilder();
                    sb.append(date).append(';').append(description.replace(';', ',')).append(';');
                    sb.append(String.format(locale, "%d.%02d", cents / 100, Math.abs(cents % 100))).append(';');
                    sb.append(String.format(locale, "%d.%02d", balance / 100, Math.abs(balance % 100)));
                    return sb.toString();
                }

                /** The header row of the export, localised column names included. */
                String header() {
                    return "date;description;amount;balance";
                }
            }
            """;

    /** Low-relevance prose: the code strategies leave it as it is, so only a summary shrinks it. */
    static final String RUNBOOK = """
            # Month-end close runbook

            The finance team closes the books on the last working day of each month. Before the close starts, make sure that every
            statement export of the month has finished and that the ledger shows no pending transfers. The export job writes one CSV
            file per account into the statements bucket; a missing file usually means the job was interrupted by a deployment.

            When the close starts, freeze manual adjustments in the admin console, run the reconciliation report, and compare the
            totals with the bank's end-of-day balances. Differences under one euro are rounding and are booked to the rounding
            account; anything larger is escalated to the on-call accountant with the report attached.

            After the close, unfreeze adjustments, archive the reports for ten years as the auditors require, and announce the
            close in the finance channel with the final totals.
            """;

    @Test
    void summarizeGoesThroughTheConfiguredProviderAndSavingsShowInTokenUsage() {
        String project = project(api);
        openai.reset();
        openai.text = "StatementFormatter: row(date, description, cents, balance) and header() format CSV statement rows.";
        var body = Map.of("projectId", project, "prompt", "Why is the balance wrong?", "targetTokens", 40,
                "contexts", List.of(Map.of("id", "a", "path", "docs/month-end-close.md", "content", RUNBOOK, "relevanceScore", 0.1),
                        Map.of("id", "b", "path", "src/Balance.java", "content", "long balance(long a, long b) { return a - b; }", "relevanceScore", 0.9)));
        var r = api.post("/api/v1/tokens/optimize", Json.write(body));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        var d = r.data();
        var strategies = new LinkedHashMap<String, Integer>();
        d.get("strategies").forEach(s -> strategies.put(s.get("strategy").asString(), s.get("tokensSaved").asInt()));
        assertThat(strategies).containsKey("summarize");
        assertThat(strategies.get("summarize")).isPositive();
        assertThat(d.get("contexts").get(0).get("content").asString()).isEqualTo("[summary] " + openai.text);
        assertThat(d.get("contexts").get(1).get("content").asString()).contains("return a - b");
        d.get("notApplied").forEach(n -> assertThat(n.asString()).doesNotStartWith("summarize"));
        assertThat(openai.requests).hasSize(1);
        assertThat(openai.requests.get(0).toString()).contains("Month-end close runbook").contains("Summarise");
        int saved1 = d.get("savedTokens").asInt();

        var off = new LinkedHashMap<String, Object>(body);
        off.put("summarize", false);
        var r2 = api.post("/api/v1/tokens/optimize", Json.write(off));
        assertThat(r2.status()).as(r2.toString()).isEqualTo(200);
        r2.data().get("strategies").forEach(s -> assertThat(s.get("strategy").asString()).isNotEqualTo("summarize"));
        assertThat(r2.data().get("notApplied").toString()).contains("summarize: turned off by the request");
        assertThat(openai.requests).hasSize(1);
        int saved2 = r2.data().get("savedTokens").asInt();
        assertThat(saved1).isGreaterThan(saved2);

        var usage = api.get("/api/v1/tokens/usage?projectId=" + project + "&groupBy=taskType");
        assertThat(usage.status()).as(usage.toString()).isEqualTo(200);
        var optimized = usage.data().get("optimized");
        assertThat(optimized.get("optimizations").asLong()).isEqualTo(2);
        assertThat(optimized.get("tokensSaved").asLong()).isEqualTo(saved1 + saved2);
        assertThat(optimized.get("tokensBefore").asLong() - optimized.get("tokensAfter").asLong()).isEqualTo(saved1 + saved2);
        // the summary call itself is accounted like any model call
        assertThat(usage.data().get("groups").toString()).contains("rag-summarize");

        // a budget that refuses the call stops summarising, and the response says why
        var budget = api.post("/api/v1/tokens/budget?projectId=" + project, "{\"monthlyLimitUsd\": 0.00001}");
        assertThat(budget.status()).as(budget.toString()).isEqualTo(201);
        var refused = api.post("/api/v1/tokens/optimize", Json.write(body));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(200);
        refused.data().get("strategies").forEach(s -> assertThat(s.get("strategy").asString()).isNotEqualTo("summarize"));
        assertThat(refused.data().get("notApplied").toString()).contains("summarize: stopped:").containsIgnoringCase("budget");
        assertThat(openai.requests).hasSize(1);
    }

    @Test
    void withoutAProviderSummarizeIsSkippedAndSaidAndSavingsAreStillRecorded() {
        var plain = TestRuntime.admin(); // no provider keys: only the offline provider
        String project = project(plain);
        var r = plain.post("/api/v1/tokens/optimize", Json.write(Map.of("projectId", project, "summarize", true,
                "contexts", List.of(Map.of("path", "src/StatementFormatter.java", "content", LOW_RELEVANCE + "\n\n\n", "relevanceScore", 0.1),
                        Map.of("path", "docs/month-end-close.md", "content", RUNBOOK, "relevanceScore", 0.1)))));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        r.data().get("strategies").forEach(s -> assertThat(s.get("strategy").asString()).isNotEqualTo("summarize"));
        assertThat(r.data().get("notApplied").toString()).contains("summarize: no model provider is configured");
        int saved = r.data().get("savedTokens").asInt();
        var usage = plain.get("/api/v1/tokens/usage?projectId=" + project);
        assertThat(usage.status()).as(usage.toString()).isEqualTo(200);
        assertThat(usage.data().get("optimized").get("optimizations").asLong()).isEqualTo(1);
        assertThat(usage.data().get("optimized").get("tokensSaved").asLong()).isEqualTo(saved);

        var bad = plain.post("/api/v1/tokens/optimize", Json.write(Map.of("projectId", project, "prompt", "x", "summarize", "sometimes")));
        assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
        assertThat(plain.get("/api/v1/tokens/usage?projectId=" + project).data().get("optimized").get("optimizations").asLong()).isEqualTo(1);
    }
}
