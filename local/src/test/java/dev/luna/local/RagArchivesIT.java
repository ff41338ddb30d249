package dev.luna.local;

import static dev.luna.local.RagFixtures.CACHE;
import static dev.luna.local.RagFixtures.DOC;
import static dev.luna.local.RagFixtures.PY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.core.Json;
import dev.luna.store.AwsClients;
import dev.luna.store.LunaConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import tools.jackson.databind.JsonNode;

/** Archives (zip, tar.gz) and an S3 prefix as RAG sources, end to end over HTTP: per-file skips, deletions, traversal and bombs refused. */
class RagArchivesIT {
    private static final Api api = TestRuntime.admin();

    private static JsonNode job(Api.Response accepted) {
        String status = accepted.json().get("links").get("status").asString();
        assertThat(accepted.header("Location")).isEqualTo(status);
        var r = api.get(status);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.data();
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static byte[] tarGz(Map<String, byte[]> entries) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var tar = new TarArchiveOutputStream(new GZIPOutputStream(out))) {
            for (var e : entries.entrySet()) {
                var entry = new TarArchiveEntry(e.getKey());
                entry.setSize(e.getValue().length);
                tar.putArchiveEntry(entry);
                tar.write(e.getValue());
                tar.closeArchiveEntry();
            }
        }
        return out.toByteArray();
    }

    private static Api.Response archive(String projectId, String format, byte[] bytes) {
        return api.post("/api/v1/rag/index", Json.write(Map.of("projectId", projectId, "source",
                Map.of("type", "archive", "format", format, "contentBase64", Base64.getEncoder().encodeToString(bytes)))));
    }

    @Test
    void archivesIndexWithPerFileSkipsAndDeleteWhatIsGone() throws IOException {
        String p = api.post("/api/v1/projects", "{\"name\":\"" + TestRuntime.unique("zip") + "\"}").data().get("id").asString();
        var entries = new LinkedHashMap<String, byte[]>();
        entries.put("repo/src/LruCache.java", CACHE.getBytes(StandardCharsets.UTF_8));
        entries.put("repo/tools/retry.py", PY.getBytes(StandardCharsets.UTF_8));
        entries.put("repo/logo.png", new byte[]{(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
        entries.put("repo/latin1.txt", "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
        var job = job(archive(p, "zip", zip(entries)));
        assertThat(job.get("status").asString()).isEqualTo("succeeded");
        assertThat(job.get("result").get("filesIndexed").asInt()).isEqualTo(2);
        var errors = new LinkedHashMap<String, String>();
        job.get("errors").forEach(e -> errors.put(e.get("path").asString(), e.get("reason").asString()));
        assertThat(errors).containsOnlyKeys("repo/logo.png", "repo/latin1.txt");
        assertThat(errors.get("repo/logo.png")).contains("binary");
        assertThat(errors.get("repo/latin1.txt")).contains("UTF-8");

        // the next snapshot (tar.gz) no longer has retry.py: it leaves the index
        var next = job(archive(p, "tar.gz", tarGz(Map.of("repo/src/LruCache.java", CACHE.getBytes(StandardCharsets.UTF_8)))));
        assertThat(next.get("result").get("filesUnchanged").asInt()).isEqualTo(1);
        assertThat(next.get("result").get("filesDeleted").asInt()).isEqualTo(1);
        var q = api.post("/api/v1/rag/query", Json.write(Map.of("projectId", p, "query", "retry backoff", "mode", "keyword")));
        q.data().get("contexts").forEach(c -> assertThat(c.get("path").asString()).isNotEqualTo("repo/tools/retry.py"));
    }

    @Test
    void archivesWithTraversalOrThatExpandTooFarAreRefusedAndChangeNothing() throws IOException {
        String p = api.post("/api/v1/projects", "{\"name\":\"" + TestRuntime.unique("evil") + "\"}").data().get("id").asString();
        var traversal = archive(p, "zip", zip(Map.of("ok/A.java", "class A {}".getBytes(), "../../etc/cron.d/evil", "x".getBytes())));
        assertThat(traversal.status()).as(traversal.toString()).isEqualTo(400);
        assertThat(traversal.errorCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(traversal.body()).contains("..");

        byte[] zeros = new byte[16 * 1024 * 1024];
        var bomb = new LinkedHashMap<String, byte[]>();
        for (int i = 0; i < 5; i++) bomb.put("bomb/part" + i + ".txt", zeros); // 80 MiB expanded, ~80 KiB compressed
        byte[] compressed = zip(bomb);
        assertThat(compressed.length).isLessThan(HttpLimit.BODY);
        var refused = archive(p, "zip", compressed);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(413);
        assertThat(refused.errorCode()).isEqualTo("PAYLOAD_TOO_LARGE");

        var garbage = archive(p, "tar.gz", "not an archive".getBytes());
        assertThat(garbage.status()).isEqualTo(400);

        var q = api.post("/api/v1/rag/query", Json.write(Map.of("projectId", p, "query", "class A", "mode", "keyword")));
        assertThat(q.data().get("contexts").size()).isZero();
    }

    @Test
    void anS3PrefixOfTheProjectIsASource() {
        String p = api.post("/api/v1/projects", "{\"name\":\"" + TestRuntime.unique("s3") + "\"}").data().get("id").asString();
        var e = TestRuntime.shared().emulators();
        var config = LunaConfig.from(Map.of("AWS_REGION", "us-east-1", LunaConfig.DYNAMODB_ENDPOINT, e.dynamoEndpoint().toString(),
                LunaConfig.S3_ENDPOINT, e.s3Endpoint().toString(), LunaConfig.SQS_ENDPOINT, e.sqsEndpoint().toString(),
                LunaConfig.RESOURCE_PREFIX, "luna")::get);
        try (var aws = new AwsClients(config)) {
            String bucket = config.bucketName("artifacts");
            aws.s3().putObject(b -> b.bucket(bucket).key("projects/" + p + "/repo/src/LruCache.java"), RequestBody.fromString(CACHE));
            aws.s3().putObject(b -> b.bucket(bucket).key("projects/" + p + "/repo/docs/ops.md"), RequestBody.fromString(DOC));
            aws.s3().putObject(b -> b.bucket(bucket).key("projects/" + p + "/elsewhere/Skip.java"), RequestBody.fromString("class Skip {}"));
        }
        var job = job(api.post("/api/v1/rag/index", Json.write(Map.of("projectId", p, "source", Map.of("type", "s3", "prefix", "repo/"),
                "include", List.of("**.java")))));
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("succeeded");
        assertThat(job.get("result").get("filesIndexed").asInt()).isEqualTo(1);
        var q = api.post("/api/v1/rag/query", Json.write(Map.of("projectId", p, "query", "evictEldest", "mode", "keyword", "topK", 1)));
        assertThat(q.data().get("contexts").get(0).get("path").asString()).isEqualTo("src/LruCache.java");
    }

    /** The request body limit of the API (the archive must fit in it, base64-encoded). */
    private static final class HttpLimit {
        static final int BODY = 1024 * 1024 * 3 / 4;
    }
}
