package dev.luna.tasks.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.emulators.Emulators;
import dev.luna.store.AwsClients;
import dev.luna.store.LunaConfig;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Artifacts in the artifacts bucket (S3Proxy over a real socket): written, read back with their content type, and
 * signed into a short-lived URL that a plain HTTP client (a browser, curl -L) downloads with the file name to save.
 */
class TaskObjectsIT {
    static Emulators emulators;
    static AwsClients aws;
    static TaskObjects objects;

    @BeforeAll
    static void start() {
        emulators = Emulators.start(null);
        var config = LunaConfig.from(Map.of("AWS_REGION", "us-east-1", LunaConfig.S3_ENDPOINT, emulators.s3Endpoint().toString(),
                LunaConfig.DYNAMODB_ENDPOINT, emulators.dynamoEndpoint().toString(), LunaConfig.RESOURCE_PREFIX, "luna")::get);
        aws = new AwsClients(config);
        aws.s3().createBucket(b -> b.bucket(config.bucketName("artifacts")));
        objects = new TaskObjects(aws);
    }

    @AfterAll
    static void stop() {
        aws.close();
        emulators.close();
    }

    @Test
    void anArtifactIsReadBackWithItsContentType() {
        String key = TaskKeys.artifactKey("tsk_1", "reports/report.md");
        objects.put(key, "# Report\n".getBytes(StandardCharsets.UTF_8), "text/markdown; charset=utf-8");
        var stored = objects.read(key).orElseThrow();
        assertThat(new String(stored.content(), StandardCharsets.UTF_8)).isEqualTo("# Report\n");
        assertThat(stored.contentType()).startsWith("text/markdown");
        assertThat(objects.read(TaskKeys.artifactKey("tsk_1", "missing.md"))).isEmpty();
        assertThat(objects.servesDownloads()).as("a configuration with endpoint overrides is local").isTrue();
    }

    @Test
    void aPresignedUrlDownloadsTheArtifactWithoutCredentials() throws Exception {
        String key = TaskKeys.artifactKey("tsk_2", "findings.sarif");
        objects.put(key, "{\"version\":\"2.1.0\"}".getBytes(StandardCharsets.UTF_8), "application/sarif+json");
        var url = objects.presign(key, Duration.ofMinutes(5), "findings \"final\".sarif");
        assertThat(url.getQuery()).contains("X-Amz-Signature=").contains("X-Amz-Expires=300");
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"version\":\"2.1.0\"}");
        assertThat(response.headers().firstValue("Content-Disposition").orElse("")).isEqualTo("attachment; filename=\"findings _final_.sarif\"");
    }
}
