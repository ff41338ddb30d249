package dev.luna.core.metrics;

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

/**
 * The metrics Luna emits: {@code functions/metrics.json} (on the classpath as {@code luna/metrics.json}), which
 * Terraform's dashboards and alarms read too, so a metric an alarm watches is one the code declares. Each metric has a
 * unit and its dimension sets; {@code commonDimensions} (the stack) are added in front of every set.
 */
public record MetricCatalog(String namespace, List<String> commonDimensions, Map<String, Definition> metrics) {
    public static final String RESOURCE = "luna/metrics.json";
    private static final List<String> UNITS = List.of("Count", "Milliseconds", "Percent", "None");

    /** One metric: its CloudWatch unit and the dimension sets it is published under (without the common ones). */
    public record Definition(String name, String unit, List<List<String>> dimensions) {
        /** Every dimension name the metric needs a value for, the common ones included. */
        List<String> dimensionNames(List<String> common) {
            var names = new ArrayList<>(common);
            for (var set : dimensions) for (var d : set) if (!names.contains(d)) names.add(d);
            return names;
        }
    }

    public MetricCatalog {
        commonDimensions = List.copyOf(commonDimensions);
        metrics = Map.copyOf(metrics);
    }

    public static MetricCatalog load() {
        try (InputStream in = MetricCatalog.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " is not on the classpath");
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static MetricCatalog parse(String json) {
        JsonNode root = Json.tree(json);
        var common = new ArrayList<String>();
        root.path("commonDimensions").forEach(d -> common.add(d.asString()));
        var metrics = new LinkedHashMap<String, Definition>();
        for (var e : root.path("metrics").properties()) {
            String unit = e.getValue().path("unit").asString();
            if (!UNITS.contains(unit)) throw new IllegalStateException("metric " + e.getKey() + " has an unknown unit " + unit);
            var sets = new ArrayList<List<String>>();
            for (JsonNode set : e.getValue().path("dimensions")) {
                var names = new ArrayList<String>();
                set.forEach(d -> names.add(d.asString()));
                sets.add(List.copyOf(names));
            }
            if (sets.isEmpty()) throw new IllegalStateException("metric " + e.getKey() + " has no dimension set");
            metrics.put(e.getKey(), new Definition(e.getKey(), unit, List.copyOf(sets)));
        }
        return new MetricCatalog(root.path("namespace").asString(), common, metrics);
    }

    public Definition definition(String name) {
        var d = metrics.get(name);
        if (d == null) throw new IllegalArgumentException("metric " + name + " is not declared in " + RESOURCE);
        return d;
    }
}
