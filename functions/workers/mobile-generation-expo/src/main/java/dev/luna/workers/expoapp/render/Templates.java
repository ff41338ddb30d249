package dev.luna.workers.expoapp.render;

import com.samskivert.mustache.Mustache;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The files under {@code src/main/resources/templates/}: copied as they are, or rendered with JMustache. The delimiters
 * are {@code <% %>} because JSX is full of {@code {{ }}}; no HTML escaping (values are made safe where they are built).
 */
public final class Templates {
    private static final Mustache.Compiler COMPILER = Mustache.compiler().withDelims("<% %>").escapeHTML(false).defaultValue("")
            .emptyStringIsFalse(true).zeroIsFalse(true);

    private Templates() {
    }

    public static byte[] bytes(String path) {
        try (var in = Templates.class.getClassLoader().getResourceAsStream("templates/" + path)) {
            if (in == null) throw new IllegalStateException("template missing: " + path);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String path) {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }

    public static String render(String path, Object view) {
        return COMPILER.compile(text(path)).execute(view);
    }
}
