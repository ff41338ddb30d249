package dev.luna.local;

import dev.luna.http.Router;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Serves the built web console ({@code console/dist}, made by {@code scripts/build-console}) for GET and HEAD
 * requests outside {@code /api/} that no function's route claims: a file of the build as it is, any other path the console's {@code index.html}
 * (the single-page app routes it in the browser). Hashed files under {@code assets/} are cached for a year,
 * {@code index.html} never, so a new build shows at once; text is gzipped for clients that accept it. It sits in the
 * local front's seam for non-API reads ({@link HttpFront}); paths a catalog function serves ({@code /docs},
 * {@code /.well-known/…}) are left to the gateway.
 */
final class ConsoleAssets extends Handler.Abstract {
    /** Where the console's build is looked for when {@code LUNA_CONSOLE_DIR} is not set (the scripts run from the root). */
    static final Path DEFAULT_DIRECTORY = Path.of("console", "dist");

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"), Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"), Map.entry("ico", "image/x-icon"), Map.entry("json", "application/json"),
            Map.entry("txt", "text/plain; charset=utf-8"), Map.entry("woff2", "font/woff2"), Map.entry("map", "application/json"));

    private final Path root;
    private final Router routes;

    private ConsoleAssets(Path root, Router routes) {
        this.root = root.toAbsolutePath().normalize();
        this.routes = routes;
    }

    /** The console built into {@code directory} (looked at per request: a build made after start-up is served). */
    static ConsoleAssets in(Path directory) {
        return new ConsoleAssets(directory, null);
    }

    /** The console in {@code LUNA_CONSOLE_DIR}, else in {@code console/dist} under the working directory. */
    static ConsoleAssets locate() {
        String configured = System.getenv("LUNA_CONSOLE_DIR");
        return in(configured == null || configured.isBlank() ? DEFAULT_DIRECTORY : Path.of(configured));
    }

    /** The same console, leaving every path one of {@code functions} serves to them. */
    ConsoleAssets besides(Router functions) {
        return new ConsoleAssets(root, functions);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws IOException {
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        if (routes != null && !(routes.route(method, request.getHttpURI().getPath()) instanceof Router.Result.NotFound)) return false;
        var answer = answer(method, request.getHttpURI().getDecodedPath(), acceptsGzip(request.getHeaders().get("Accept-Encoding")));
        if (answer == null) return false;
        answer.headers().forEach((k, v) -> response.getHeaders().put(k, v));
        ApiGateway.send(request, response, callback, answer.status(), answer.body());
        return true;
    }

    /** What the console answers: status, headers and body. */
    record Answer(int status, Map<String, String> headers, byte[] body) {
    }

    /**
     * The answer to a GET or HEAD outside {@code /api/} when the console is built: a file of the build, a 404 for a
     * missing file, index.html for any other path (a route of the app); null (not the console's) otherwise.
     */
    Answer answer(String method, String path, boolean gzip) throws IOException {
        boolean claimed = ("GET".equals(method) || "HEAD".equals(method)) && path != null && !path.startsWith("/api/") && !path.equals("/api");
        Path index = root.resolve("index.html");
        if (!claimed || !Files.isRegularFile(index)) return null;
        Path file = resolve(path);
        boolean asset = file != null && Files.isRegularFile(file);
        if (!asset) {
            if (looksLikeFile(path)) {
                return new Answer(404, headers("text/plain; charset=utf-8", "no-store"), "Not found".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            file = index;
        }
        String name = file.getFileName().toString();
        String cache = path.startsWith("/assets/") && asset ? "public, max-age=31536000, immutable" : "no-cache";
        String type = TYPES.getOrDefault(extension(name), "application/octet-stream");
        byte[] body = Files.readAllBytes(file);
        var headers = headers(type, cache);
        if (compressible(type) && gzip) {
            headers.put("Content-Encoding", "gzip");
            body = gzip(body);
        }
        headers.put("Vary", "Accept-Encoding");
        return new Answer(200, headers, body);
    }

    private static Map<String, String> headers(String type, String cache) {
        var h = new java.util.LinkedHashMap<String, String>();
        h.put("Content-Type", type);
        h.put("Cache-Control", cache);
        h.put("X-Content-Type-Options", "nosniff");
        return h;
    }

    /** The file a path names inside the build, or null when it would leave the build's directory. */
    private Path resolve(String path) {
        String relative = path.startsWith("/") ? path.substring(1) : path;
        if (relative.isEmpty()) return null;
        Path file = root.resolve(relative).normalize();
        return file.startsWith(root) ? file : null;
    }

    /** A path with an extension in its last segment asks for a file; a miss is a 404, not the app. */
    private static boolean looksLikeFile(String path) {
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.contains(".");
    }

    private static boolean compressible(String type) {
        return type.startsWith("text/") || type.startsWith("application/json") || type.startsWith("image/svg");
    }

    private static boolean acceptsGzip(String accepted) {
        return accepted != null && accepted.toLowerCase(Locale.ROOT).contains("gzip");
    }

    private static byte[] gzip(byte[] body) throws IOException {
        var out = new java.io.ByteArrayOutputStream(body.length / 3 + 64);
        try (var zip = new java.util.zip.GZIPOutputStream(out)) {
            zip.write(body);
        }
        return out.toByteArray();
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
