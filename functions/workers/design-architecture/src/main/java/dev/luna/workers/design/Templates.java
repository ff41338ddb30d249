package dev.luna.workers.design;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The module's Mustache templates ({@code src/main/resources/templates}), compiled once, without HTML escaping (the output is Markdown). */
final class Templates {
    private static final Mustache.Compiler COMPILER = Mustache.compiler().escapeHTML(false).strictSections(false).defaultValue("");
    private static final Map<String, Template> CACHE = new ConcurrentHashMap<>();

    private Templates() {
    }

    static String render(String name, Object context) {
        return CACHE.computeIfAbsent(name, Templates::compile).execute(context);
    }

    private static Template compile(String name) {
        try (InputStream in = Templates.class.getResourceAsStream("/templates/" + name)) {
            if (in == null) throw new IllegalStateException("missing template " + name);
            return COMPILER.compile(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
