package dev.luna.workers.aiintegration.find;

import dev.luna.core.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The AI features as data ({@code rules/kinds.json}), in the file's order. */
public final class Kinds {
    private static final Kinds DEFAULT = load();
    private final Map<String, Kind> kinds;
    private final int maxPerKind;

    private Kinds(Map<String, Kind> kinds, int maxPerKind) {
        this.kinds = kinds;
        this.maxPerKind = maxPerKind;
    }

    public static Kinds get() {
        return DEFAULT;
    }

    public Kind kind(String id) {
        var k = kinds.get(id);
        if (k == null) throw new IllegalArgumentException("unknown kind " + id);
        return k;
    }

    public List<Kind> all() {
        return List.copyOf(kinds.values());
    }

    /** At most this many opportunities of one kind are listed (the strongest). */
    public int maxPerKind() {
        return maxPerKind;
    }

    static String resource(String name) {
        try (InputStream in = Kinds.class.getResourceAsStream("/" + name)) {
            if (in == null) throw new IllegalStateException(name + " is missing from the classpath");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Kinds load() {
        JsonNode root = Json.tree(resource("rules/kinds.json"));
        var out = new LinkedHashMap<String, Kind>();
        for (var e : root.get("kinds").properties()) {
            JsonNode k = e.getValue();
            var models = new ArrayList<String>();
            k.get("models").forEach(m -> models.add(m.asString()));
            out.put(e.getKey(), new Kind(e.getKey(), k.get("title").asString(), k.get("feature").asString(), k.get("sample").asString(), k.get("value").asInt(),
                    k.get("effort").asInt(), k.get("tier").asString(), k.get("inputTokens").asInt(), k.get("outputTokens").asInt(), models,
                    k.get("why").asString(), k.get("design").asString()));
        }
        return new Kinds(out, root.get("maxPerKind").asInt());
    }
}
