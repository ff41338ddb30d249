package dev.luna.sources;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.PacketLineOut;
import org.eclipse.jgit.transport.RefAdvertiser;
import org.eclipse.jgit.transport.UploadPack;

/**
 * A git server speaking the smart-HTTP protocol (stateless RPC, as GitHub and GitServlet do) over a real socket,
 * serving one repository with JGit's own {@link UploadPack}: {@code GET …/info/refs?service=git-upload-pack} and
 * {@code POST …/git-upload-pack}. Like GitHub it lets clients fetch any reachable commit by id. With a token set,
 * requests without {@code Authorization: Basic} carrying it are answered 401. Counts what it was asked, for tests
 * to check (upload-packs, refusals, the history depth of shallow fetches).
 */
public final class GitHttpStandIn implements AutoCloseable {
    private static final Pattern DEEPEN = Pattern.compile("deepen (\\d+)\\n?");
    private final HttpServer server;
    private final Repository repository;
    private volatile String token;
    private final AtomicInteger uploadPacks = new AtomicInteger();
    private final AtomicInteger unauthorized = new AtomicInteger();
    private final List<Integer> depths = new CopyOnWriteArrayList<>();

    public GitHttpStandIn(Repository repository) throws IOException {
        this.repository = repository;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/repo.git/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/repo.git";
    }

    /** From now on, requests must carry this token (as the password of Basic authentication); null: none needed. */
    public void token(String token) {
        this.token = token;
    }

    public int uploadPacks() {
        return uploadPacks.get();
    }

    /** Requests answered 401. */
    public int unauthorized() {
        return unauthorized.get();
    }

    /** Upload-pack requests that asked for a shallow history of depth 1 ({@code deepen 1}). */
    public int shallowRequests() {
        return (int) depths.stream().filter(d -> d == 1).count();
    }

    /** The depth of every shallow upload-pack request so far ({@code deepen N}), in order. */
    public List<Integer> depths() {
        return List.copyOf(depths);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (token != null && !authorized(ex.getRequestHeaders().getFirst("Authorization"))) {
                unauthorized.incrementAndGet();
                ex.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"git\"");
                ex.sendResponseHeaders(401, -1);
                return;
            }
            String path = ex.getRequestURI().getPath();
            if (ex.getRequestMethod().equals("GET") && path.endsWith("/info/refs")) {
                if (!"service=git-upload-pack".equals(ex.getRequestURI().getQuery())) {
                    ex.sendResponseHeaders(403, -1); // dumb HTTP and pushes are not served
                    return;
                }
                var body = new ByteArrayOutputStream();
                var pck = new PacketLineOut(body);
                pck.writeString("# service=git-upload-pack\n");
                pck.end();
                var up = uploadPack();
                up.sendAdvertisedRefs(new RefAdvertiser.PacketLineOutRefAdvertiser(pck));
                send(ex, "application/x-git-upload-pack-advertisement", body.toByteArray());
            } else if (ex.getRequestMethod().equals("POST") && path.endsWith("/git-upload-pack")) {
                uploadPacks.incrementAndGet();
                InputStream in = ex.getRequestBody();
                if ("gzip".equals(ex.getRequestHeaders().getFirst("Content-Encoding"))) in = new GZIPInputStream(in);
                byte[] request = in.readAllBytes();
                recordDepths(request);
                var body = new ByteArrayOutputStream();
                try {
                    uploadPack().upload(new java.io.ByteArrayInputStream(request), body, null);
                } catch (IOException e) {
                    // UploadPack has written the protocol's "ERR …" line for the client (e.g. a want that is not ours), as GitServlet sends it
                }
                send(ex, "application/x-git-upload-pack-result", body.toByteArray());
            } else {
                ex.sendResponseHeaders(404, -1);
            }
        }
    }

    /** Reads the request's pkt-lines (4 hex digits of length, then the line; 0000 flushes) for {@code deepen N}. */
    private void recordDepths(byte[] request) {
        String text = new String(request, StandardCharsets.ISO_8859_1);
        int at = 0;
        while (at + 4 <= text.length()) {
            int length;
            try {
                length = Integer.parseInt(text.substring(at, at + 4), 16);
            } catch (NumberFormatException e) {
                return;
            }
            if (length < 4) {
                at += 4;
                continue;
            }
            if (at + length > text.length()) return;
            var deepen = DEEPEN.matcher(text.substring(at + 4, at + length));
            if (deepen.matches()) depths.add(Integer.parseInt(deepen.group(1)));
            at += length;
        }
    }

    private UploadPack uploadPack() {
        var up = new UploadPack(repository);
        up.setBiDirectionalPipe(false);
        up.setRequestPolicy(UploadPack.RequestPolicy.REACHABLE_COMMIT);
        return up;
    }

    private boolean authorized(String header) {
        if (header == null || !header.startsWith("Basic ")) return false;
        String decoded = new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8);
        return decoded.endsWith(":" + token);
    }

    private static void send(HttpExchange ex, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().add("Content-Type", type);
        ex.getResponseHeaders().add("Cache-Control", "no-cache");
        ex.sendResponseHeaders(200, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
