package dev.luna.workers.swift.render;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The files under {@code src/main/resources/templates/} (the output tree's mirror): rendered with JMustache, or copied. */
final class Templates {
    private static final Mustache.Compiler COMPILER = Mustache.compiler().escapeHTML(false).emptyStringIsFalse(true).zeroIsFalse(true);
    private static final Map<String, Template> CACHE = new ConcurrentHashMap<>();

    private Templates() {
    }

    /** {@code <path>.mustache} rendered with {@code view}. */
    static String render(String path, Object view) {
        return CACHE.computeIfAbsent(path, p -> COMPILER.compile(read(p + ".mustache"))).execute(view);
    }

    /** A file without slots, as it is. */
    static String copy(String path) {
        return read(path);
    }

    private static String read(String path) {
        try (InputStream in = Templates.class.getResourceAsStream("/templates/" + path)) {
            if (in == null) throw new IllegalStateException("missing template " + path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
