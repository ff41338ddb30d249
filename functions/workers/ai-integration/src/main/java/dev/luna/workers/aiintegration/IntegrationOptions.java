package dev.luna.workers.aiintegration;

import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * The payload's options (the JSON Schema has checked their types and ranges).
 *
 * @param language         {@code auto}, {@code java}, {@code typescript} or {@code python}
 * @param emitPatch        whether to write ai-integration.patch
 * @param maxOpportunities how many ranked opportunities to keep
 * @param patchKinds       how many distinct features (the best-ranked kinds) the patch implements
 * @param volumes          requests per month per kind for the cost estimate
 * @param defaultVolume    requests per month of a kind {@code volumes} does not name
 */
public record IntegrationOptions(String language, boolean emitPatch, int maxOpportunities, int patchKinds, Map<String, Long> volumes,
                                 long defaultVolume) {
    public static final int DEFAULT_MAX = 12;
    public static final int DEFAULT_PATCH_KINDS = 3;
    public static final long DEFAULT_VOLUME = 10_000;

    public IntegrationOptions {
        volumes = Map.copyOf(volumes);
    }

    public static IntegrationOptions defaults() {
        return new IntegrationOptions("auto", true, DEFAULT_MAX, DEFAULT_PATCH_KINDS, Map.of(), DEFAULT_VOLUME);
    }

    public static IntegrationOptions of(JsonNode options) {
        var volumes = new TreeMap<String, Long>();
        long defaultVolume = DEFAULT_VOLUME;
        JsonNode v = options.get("volumes");
        if (v != null && v.isObject()) {
            for (var e : v.properties()) {
                if (e.getKey().equals("default")) defaultVolume = e.getValue().asLong();
                else volumes.put(e.getKey(), e.getValue().asLong());
            }
        }
        return new IntegrationOptions(options.path("language").asString("auto"), options.path("emitPatch").asBoolean(true),
                options.path("maxOpportunities").asInt(DEFAULT_MAX), options.path("patchKinds").asInt(DEFAULT_PATCH_KINDS), volumes, defaultVolume);
    }
}
