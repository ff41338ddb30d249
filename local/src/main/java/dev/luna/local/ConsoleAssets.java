package dev.luna.local;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Serves the built web console ({@code console/dist}, made by {@code scripts/build-console}) for GET and HEAD
 * requests outside {@code /api/} that no function's route claims: a file of the build as it is, any other path the console's {@code index.html}
 * (the single-page app routes it in the browser). Hashed files under {@code assets/} are cached for a year,
 * {@code index.html} never, so a new build shows at once; text is gzipped for clients that accept it.
 */
final class ConsoleAssets {
    /** Where the console's build is looked for when {@code LUNA_CONSOLE_DIR} is not set (the scripts run from the root). */
    static final Path DEFAULT_DIRECTORY = Path.of("console", "dist");

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"), Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"), Map.entry("ico", "image/x-icon"), Map.entry("json", "application/json"),
            Map.entry("txt", "text/plain; charset=utf-8"), Map.entry("woff2", "font/woff2"), Map.entry("map", "application/json"));

    private final Path root;

    private ConsoleAssets(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The console built into {@code directory} (looked at per request: a build made after start-up is served). */
    static ConsoleAssets in(Path directory) {
        return new ConsoleAssets(directory);
    }

    /** The console in {@code LUNA_CONSOLE_DIR}, else in {@code console/dist} under the working directory. */
    static ConsoleAssets locate() {
        String configured = System.getenv("LUNA_CONSOLE_DIR");
        return in(configured == null || configured.isBlank() ? DEFAULT_DIRECTORY : Path.of(configured));
    }

    /**
     * Answers a GET or HEAD outside {@code /api/} when the console is built: a file of the build, a 404 for a missing
     * file, index.html for any other path (a route of the app). Returns false, having written nothing, otherwise.
     */
    boolean serve(HttpExchange exchange, String method, String path) throws IOException {
        boolean claimed = ("GET".equals(method) || "HEAD".equals(method)) && !path.startsWith("/api/") && !path.equals("/api");
        Path index = root.resolve("index.html");
        if (!claimed || !Files.isRegularFile(index)) return false;
        Path file = resolve(path);
        boolean asset = file != null && Files.isRegularFile(file);
        if (!asset) {
            if (looksLikeFile(path)) {
                send(exchange, 404, "text/plain; charset=utf-8", "no-store", "Not found".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                return true;
            }
            file = index;
        }
        String name = file.getFileName().toString();
        String cache = path.startsWith("/assets/") && asset ? "public, max-age=31536000, immutable" : "no-cache";
        String type = TYPES.getOrDefault(extension(name), "application/octet-stream");
        byte[] body = Files.readAllBytes(file);
        if (compressible(type) && acceptsGzip(exchange)) {
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            body = gzip(body);
        }
        exchange.getResponseHeaders().set("Vary", "Accept-Encoding");
        send(exchange, 200, type, cache, body);
        return true;
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

    private static boolean acceptsGzip(HttpExchange exchange) {
        String accepted = exchange.getRequestHeaders().getFirst("Accept-Encoding");
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

    private static void send(HttpExchange exchange, int status, String type, String cache, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", cache);
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) exchange.getResponseBody().write(body);
    }
}
