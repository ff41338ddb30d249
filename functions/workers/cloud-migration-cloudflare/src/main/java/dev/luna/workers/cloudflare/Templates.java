package dev.luna.workers.cloudflare;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The module's templates ({@code src/main/resources/templates}), compiled once, without HTML escaping; static files read as they are. */
public final class Templates {
    private static final Mustache.Compiler COMPILER = Mustache.compiler().escapeHTML(false).strictSections(false).defaultValue("");
    private static final Map<String, Template> CACHE = new ConcurrentHashMap<>();

    private Templates() {
    }

    public static String render(String name, Object context) {
        return CACHE.computeIfAbsent(name, n -> COMPILER.compile(text(n))).execute(context);
    }

    public static String text(String name) {
        return resource("/templates/" + name);
    }

    /** A class-path resource as UTF-8 text. */
    public static String resource(String path) {
        try (InputStream in = Templates.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("missing resource " + path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
