package dev.luna.workers.requirements;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JMustache templates under {@code src/main/resources/templates/}, compiled once: no HTML escaping (each view
 * escapes for its own format), and a slot without a value is an error, never an empty string.
 */
final class Templates {
    private static final Mustache.Compiler COMPILER = Mustache.compiler().escapeHTML(false).strictSections(true);
    private static final Map<String, Template> CACHE = new ConcurrentHashMap<>();

    private Templates() {
    }

    static String render(String name, Map<String, Object> view) {
        return CACHE.computeIfAbsent(name, Templates::compile).execute(view);
    }

    private static Template compile(String name) {
        try (InputStream in = Objects.requireNonNull(Templates.class.getResourceAsStream("/templates/" + name), "template " + name)) {
            return COMPILER.compile(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
