package dev.luna.workers.requirements;

import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * A run's options (already checked by the payload schema): which artifacts to write ({@code markdown} →
 * requirements.md, {@code json} → requirements.json, {@code gherkin} → features.zip; default all three) and the
 * audience, the role of stories no security annotation or admin path names (default "user").
 */
record RequirementsOptions(List<String> formats, String audience) {
    static final List<String> ALL = List.of("gherkin", "json", "markdown");
    static final RequirementsOptions DEFAULT = new RequirementsOptions(ALL, "user");

    RequirementsOptions {
        formats = List.copyOf(new TreeSet<>(formats == null || formats.isEmpty() ? ALL : formats));
        audience = role(audience);
    }

    static RequirementsOptions of(JsonNode options) {
        var formats = new TreeSet<String>();
        var f = options.get("format");
        if (f != null && f.isArray()) f.forEach(n -> formats.add(n.asString()));
        var a = options.get("audience");
        return new RequirementsOptions(List.copyOf(formats), a == null || a.isNull() ? null : a.asString());
    }

    boolean wants(String format) {
        return formats.contains(format);
    }

    /** A role safe in a sentence and a Gherkin line: lower-case letters, digits, spaces and hyphens, at most 40 characters. */
    static String role(String text) {
        String t = text == null ? "" : text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 -]+", " ").replaceAll("\\s+", " ").strip();
        if (t.length() > 40) t = t.substring(0, 40).strip();
        return t.isEmpty() ? "user" : t;
    }
}
