package dev.luna.workers.projectorganization.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files under {@code src/main/resources/templates/}. Slots are {@code {{name}}}, filled from a map; a slot left
 * unfilled, or a value given for no slot, is an error (so templates and code cannot drift apart silently).
 */
public final class Templates {
    private static final Pattern SLOT = Pattern.compile("\\{\\{([a-zA-Z][a-zA-Z0-9]*)}}");

    private Templates() {
    }

    public static String text(String name) {
        try (InputStream in = Objects.requireNonNull(Templates.class.getResourceAsStream("/templates/" + name), "template " + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String render(String name, Map<String, String> values) {
        String text = text(name);
        var used = new java.util.HashSet<String>();
        var m = SLOT.matcher(text);
        var sb = new StringBuilder();
        while (m.find()) {
            String key = m.group(1);
            String value = values.get(key);
            if (value == null) throw new IllegalStateException("template " + name + ": no value for {{" + key + "}}");
            used.add(key);
            m.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        m.appendTail(sb);
        for (var k : values.keySet()) if (!used.contains(k)) throw new IllegalStateException("template " + name + " has no slot " + k);
        return sb.toString();
    }
}
