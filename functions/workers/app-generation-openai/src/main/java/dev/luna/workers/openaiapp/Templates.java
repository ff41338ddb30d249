package dev.luna.workers.openaiapp;

import com.samskivert.mustache.Mustache;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The files under {@code src/main/resources/templates/}: copied as they are, or rendered with JMustache (no HTML escaping). */
final class Templates {
    private static final Mustache.Compiler COMPILER = Mustache.compiler().escapeHTML(false).defaultValue("").emptyStringIsFalse(true)
            .zeroIsFalse(true);

    private Templates() {
    }

    static byte[] bytes(String path) {
        try (var in = Templates.class.getClassLoader().getResourceAsStream("templates/" + path)) {
            if (in == null) throw new IllegalStateException("template missing: " + path);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String render(String path, Object view) {
        return COMPILER.compile(new String(bytes(path), StandardCharsets.UTF_8)).execute(view);
    }
}
