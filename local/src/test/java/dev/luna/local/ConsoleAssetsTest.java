package dev.luna.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/** The console's files over a real Jetty server, as the local front mounts it: what it claims, and what it answers. */
class ConsoleAssetsTest {
    @TempDir
    Path dir;
    private Server server;
    private int port;
    private Path dist;

    @BeforeEach
    void start() throws Exception {
        dist = Files.createDirectories(dir.resolve("dist"));
        Files.writeString(dir.resolve("secret.txt"), "outside the build");
        server = new Server();
        var connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        var console = ConsoleAssets.in(dist);
        // like the local front: the console answers what it claims, the rest falls through (here: 418 marks "not mine")
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                if (console.handle(request, response, callback)) return true;
                ApiGateway.send(request, response, callback, 418, new byte[0]);
                return true;
            }
        });
        server.start();
        port = connector.getLocalPort();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    private void build() throws IOException {
        Files.writeString(dist.resolve("index.html"), "<!doctype html><div id=\"root\"></div>");
        Files.createDirectories(dist.resolve("assets"));
        Files.writeString(dist.resolve("assets/index-abc123.js"), "console.log('luna')");
    }

    /** A raw HTTP/1.1 exchange, so paths reach the server exactly as written (no client-side normalisation). */
    private String request(String method, String path) throws IOException {
        try (var socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Length: 0\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void withoutABuildNothingIsClaimed() throws IOException {
        assertThat(request("GET", "/")).startsWith("HTTP/1.1 418");
        assertThat(request("GET", "/agents")).startsWith("HTTP/1.1 418");
    }

    @Test
    void aBuildMadeAfterStartIsServedAtTheRootAndForEveryAppRoute() throws IOException {
        build();
        for (String path : new String[] {"/", "/agents", "/tasks/tsk_01ABC", "/tasks/new?type=echo"}) {
            String answer = request("GET", path);
            assertThat(answer).as(path).startsWith("HTTP/1.1 200").contains("<div id=\"root\"></div>");
            assertThat(answer.toLowerCase()).as(path).contains("content-type: text/html; charset=utf-8").contains("cache-control: no-cache");
        }
    }

    @Test
    void hashedAssetsAreServedWithTheirTypeAndCachedForAYear() throws IOException {
        build();
        String answer = request("GET", "/assets/index-abc123.js");
        assertThat(answer).startsWith("HTTP/1.1 200").endsWith("console.log('luna')");
        assertThat(answer.toLowerCase()).contains("content-type: text/javascript; charset=utf-8")
                .contains("cache-control: public, max-age=31536000, immutable").contains("x-content-type-options: nosniff");
        assertThat(request("HEAD", "/assets/index-abc123.js")).startsWith("HTTP/1.1 200").doesNotContain("console.log");
    }

    @Test
    void textIsGzippedForClientsThatAcceptIt() throws IOException {
        build();
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(("GET /assets/index-abc123.js HTTP/1.1\r\nHost: localhost\r\nAccept-Encoding: gzip, br\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] raw = socket.getInputStream().readAllBytes();
            int bodyStart = new String(raw, StandardCharsets.ISO_8859_1).indexOf("\r\n\r\n") + 4;
            String head = new String(raw, 0, bodyStart, StandardCharsets.ISO_8859_1).toLowerCase();
            assertThat(head).startsWith("http/1.1 200").contains("content-encoding: gzip").contains("vary: accept-encoding");
            try (var unzip = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(raw, bodyStart, raw.length - bodyStart))) {
                assertThat(new String(unzip.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("console.log('luna')");
            }
        }
        assertThat(request("GET", "/assets/index-abc123.js").toLowerCase()).doesNotContain("content-encoding");
    }

    @Test
    void aMissingFileIsA404NotTheApp() throws IOException {
        build();
        assertThat(request("GET", "/assets/gone-999.js")).startsWith("HTTP/1.1 404").doesNotContain("root");
    }

    @Test
    void pathsCannotLeaveTheBuild() throws IOException {
        build();
        assertThat(request("GET", "/../secret.txt")).doesNotContain("outside the build");
        assertThat(request("GET", "/%2e%2e/secret.txt")).doesNotContain("outside the build");
        assertThat(request("GET", "/assets/%2e%2e/%2e%2e/secret.txt")).doesNotContain("outside the build");
    }

    @Test
    void theApiAndWritesAreLeftToTheGateway() throws IOException {
        build();
        assertThat(request("GET", "/api/v1/agents")).startsWith("HTTP/1.1 418");
        assertThat(request("GET", "/api")).startsWith("HTTP/1.1 418");
        assertThat(request("POST", "/")).startsWith("HTTP/1.1 418");
        assertThat(request("DELETE", "/agents")).startsWith("HTTP/1.1 418");
    }
}
