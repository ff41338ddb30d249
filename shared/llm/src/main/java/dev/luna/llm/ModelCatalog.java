package dev.luna.llm;

import dev.luna.core.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * The models the gateway knows, as data: {@code luna/llm/models.json} (versioned in the repository) with the
 * overrides of {@code LUNA_LLM_MODELS} applied (a file path or inline JSON of the same shape; an entry replaces
 * the model of the same id whole, {@code "disabled": true} removes it). Invalid data fails at load, naming the entry.
 */
public final class ModelCatalog {
    public static final String OVERRIDE_SETTING = "LUNA_LLM_MODELS";
    public static final Set<String> PROVIDERS = Set.of("openai", "anthropic", "deepseek", "gemini", "local");

    private final String version;
    private final Map<String, ModelSpec> models;

    ModelCatalog(String version, Map<String, ModelSpec> models) {
        this.version = version;
        this.models = Map.copyOf(models);
    }

    /** The built-in catalog with {@code override} (null, a path, or inline JSON) applied. */
    public static ModelCatalog load(String override) {
        String base;
        try (InputStream in = ModelCatalog.class.getResourceAsStream("/luna/llm/models.json")) {
            if (in == null) throw new IllegalStateException("luna/llm/models.json is missing from the classpath");
            base = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var models = new LinkedHashMap<String, ModelSpec>();
        JsonNode root = Json.tree(base);
        String version = root.path("version").asString("unversioned");
        apply(root, models, "luna/llm/models.json");
        if (override != null && !override.isBlank()) {
            String text = override.trim();
            String source = OVERRIDE_SETTING;
            if (!text.startsWith("{")) {
                try {
                    source = text;
                    text = Files.readString(Path.of(text));
                } catch (IOException e) {
                    throw new IllegalStateException(OVERRIDE_SETTING + " names a file that cannot be read: " + override, e);
                }
            }
            JsonNode o;
            try {
                o = Json.tree(text);
            } catch (RuntimeException e) {
                throw new IllegalStateException(source + " is not valid JSON: " + e.getMessage(), e);
            }
            apply(o, models, source);
            version = version + "+" + o.path("version").asString("override");
        }
        return new ModelCatalog(version, models);
    }

    private static void apply(JsonNode root, Map<String, ModelSpec> models, String source) {
        JsonNode entries = root.get("models");
        if (entries == null || !entries.isObject()) throw new IllegalStateException(source + ": \"models\" must be an object");
        for (var e : entries.properties()) {
            String id = e.getKey();
            JsonNode m = e.getValue();
            if (m.path("disabled").asBoolean(false)) {
                models.remove(id);
                continue;
            }
            try {
                models.put(id, parse(id, m));
            } catch (RuntimeException ex) {
                throw new IllegalStateException(source + ": model '" + id + "': " + ex.getMessage(), ex);
            }
        }
    }

    private static ModelSpec parse(String id, JsonNode m) {
        if (!id.matches("[a-z0-9][a-z0-9._-]{0,99}")) throw new IllegalArgumentException("id must be lower-case letters, digits, '.', '_' or '-'");
        String provider = required(m, "provider").asString();
        if (!PROVIDERS.contains(provider)) throw new IllegalArgumentException("unknown provider '" + provider + "' (known: " + new TreeSet<>(PROVIDERS) + ")");
        int context = positive(m, "contextWindow");
        int maxOut = positive(m, "maxOutputTokens");
        if (maxOut > context) throw new IllegalArgumentException("maxOutputTokens exceeds contextWindow");
        var caps = EnumSet.noneOf(Capability.class);
        for (JsonNode c : m.path("capabilities")) {
            var cap = Capability.fromWire(c.asString());
            if (cap == null) throw new IllegalArgumentException("unknown capability '" + c.asString() + "'");
            caps.add(cap);
        }
        var tier = Complexity.fromWire(required(m, "tier").asString());
        if (tier == null) throw new IllegalArgumentException("tier must be simple, medium or complex");
        JsonNode p = required(m, "prices");
        var prices = new Prices(price(p, "input", true), price(p, "output", true), price(p, "cachedInput", false), price(p, "cacheWrite", false));
        JsonNode latency = m.path("latency");
        int ttft = latency.path("firstTokenMs").asInt(1000);
        int tps = latency.path("tokensPerSecond").asInt(50);
        String apiModel = m.hasNonNull("apiModel") ? m.get("apiModel").asString() : id;
        return new ModelSpec(id, provider, apiModel, context, maxOut, caps, tier, prices, ttft, tps);
    }

    private static JsonNode required(JsonNode m, String field) {
        JsonNode v = m.get(field);
        if (v == null || v.isNull()) throw new IllegalArgumentException("'" + field + "' is required");
        return v;
    }

    private static int positive(JsonNode m, String field) {
        JsonNode v = required(m, field);
        if (!v.isIntegralNumber() || v.asLong() <= 0 || v.asLong() > 100_000_000) throw new IllegalArgumentException("'" + field + "' must be a positive integer");
        return v.asInt();
    }

    private static BigDecimal price(JsonNode p, String field, boolean required) {
        JsonNode v = p.get(field);
        if (v == null || v.isNull()) {
            if (required) throw new IllegalArgumentException("prices." + field + " is required");
            return null;
        }
        if (!v.isNumber()) throw new IllegalArgumentException("prices." + field + " must be a number");
        // parse the literal, not a double: 0.075 must stay exactly 0.075
        BigDecimal d = v.isIntegralNumber() ? new BigDecimal(v.bigIntegerValue()) : new BigDecimal(Double.toString(v.doubleValue()));
        if (d.signum() < 0) throw new IllegalArgumentException("prices." + field + " must not be negative");
        return d;
    }

    public String version() {
        return version;
    }

    public Collection<ModelSpec> models() {
        return models.values();
    }

    /** A model by id, by {@code provider/id}, or by the name its provider uses. */
    public Optional<ModelSpec> find(String name) {
        if (name == null) return Optional.empty();
        String n = name.trim().toLowerCase(Locale.ROOT);
        var direct = models.get(n);
        if (direct != null) return Optional.of(direct);
        int slash = n.indexOf('/');
        if (slash > 0) {
            var m = models.get(n.substring(slash + 1));
            if (m != null && m.provider().equals(n.substring(0, slash))) return Optional.of(m);
            return Optional.empty();
        }
        return models.values().stream().filter(m -> m.apiModel().equalsIgnoreCase(n)).findFirst();
    }

    public List<ModelSpec> byProvider(String provider) {
        var out = new ArrayList<ModelSpec>();
        for (var m : models.values()) if (m.provider().equals(provider)) out.add(m);
        return out;
    }

    public Set<String> providers() {
        var out = new TreeSet<String>();
        for (var m : models.values()) out.add(m.provider());
        return out;
    }
}
