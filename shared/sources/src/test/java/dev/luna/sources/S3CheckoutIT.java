package dev.luna.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.luna.store.AwsClients;
import dev.luna.store.LunaConfig;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

/** A folder of the project in the artifacts bucket (S3Proxy on a local port) checked out: only that folder, with its .gitignore. */
class S3CheckoutIT {
    static S3Proxy s3;
    static AwsClients aws;

    /** S3Proxy alone, in memory, on a free loopback port (the other emulators are not needed here). */
    @BeforeAll
    static void start() throws Exception {
        int port;
        try (var socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            port = socket.getLocalPort();
        }
        var endpoint = URI.create("http://127.0.0.1:" + port);
        s3 = S3Proxy.builder().blobStore(new TransientNio2BlobStore()).endpoint(endpoint).awsAuthentication(AuthenticationType.NONE, null, null).build();
        s3.start();
        while (!"STARTED".equals(s3.getState())) Thread.sleep(5);
        // a DynamoDB endpoint marks the configuration as local (static credentials); nothing calls it
        var config = LunaConfig.from(Map.of("AWS_REGION", "us-east-1", LunaConfig.S3_ENDPOINT, endpoint.toString(),
                LunaConfig.DYNAMODB_ENDPOINT, "http://127.0.0.1:9", LunaConfig.RESOURCE_PREFIX, "luna")::get);
        aws = new AwsClients(config);
        String bucket = config.bucketName("artifacts");
        aws.s3().createBucket(b -> b.bucket(bucket));
        var objects = Map.of(
                "projects/p1/repo/src/App.java", "class App {}\n",
                "projects/p1/repo/.gitignore", "*.log\n",
                "projects/p1/repo/server.log", "GET /\n",
                "projects/p1/repo/docs/", "",
                "projects/p1/repo/C:/Windows/evil.bat", "not a relative path\n",
                "projects/p1/repo/big.txt", "x".repeat(SourceLimits.MIB + 1),
                "projects/p1/other/Skip.java", "class Skip {}\n",
                "projects/p2/repo/Theirs.java", "class Theirs {}\n");
        objects.forEach((key, text) -> aws.s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(text)));
    }

    @AfterAll
    static void stop() throws Exception {
        aws.close();
        s3.stop();
    }

    @Test
    void onlyTheProjectsFolderIsCheckedOutWithItsGitignoreAndUnsafeKeysSkipped() {
        var checkouts = new Checkouts(GitSettings.STRICT, SourceLimits.DEFAULTS, aws);
        try (var c = checkouts.checkout(Source.s3("repo/"), "p1", "payload.source")) {
            assertThat(c.files()).containsExactly(".gitignore", "src/App.java");
            assertThat(c.skipped()).extracting(SkippedFile::path, SkippedFile::reason).containsExactly(
                    tuple("C:/Windows/evil.bat", SkippedFile.Reason.UNSAFE_PATH),
                    tuple("big.txt", SkippedFile.Reason.TOO_LARGE),
                    tuple("server.log", SkippedFile.Reason.IGNORED));
            assertThat(c.revision()).startsWith("sha256:");
        }
        // the same folder read for indexing: no .gitignore applied there (the RAG index keeps what it was given)
        var read = new SourceReader(GitSettings.STRICT, SourceLimits.DEFAULTS, aws)
                .read(Source.s3("repo/"), "p1", "source", FileSelection.ALL, ReadPolicy.upTo(SourceLimits.MIB));
        assertThat(read.files()).extracting(SourceFile::path).containsExactlyInAnyOrder(".gitignore", "server.log", "src/App.java");
    }
}
