package dev.luna.core.metrics;

import dev.luna.core.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one CloudWatch Embedded Metric Format document (one log line): the {@code _aws} metadata with its
 * {@code Timestamp} and one {@code CloudWatchMetrics} directive per distinct dimension layout, every dimension and
 * metric value as a top-level member, and free-form properties (request id, function) beside them. Metrics and their
 * dimensions are checked against the {@link MetricCatalog}; an undeclared metric or a missing dimension value is an
 * {@link IllegalArgumentException}.
 */
final class EmfFormat {
    static final int MAX_DIMENSION_VALUE = 1024;

    private EmfFormat() {
    }

    static String line(MetricCatalog catalog, long timestampMs, Map<String, String> dimensions, Map<String, String> properties,
                       Map<String, Double> values) {
        if (values.isEmpty()) throw new IllegalArgumentException("no metric values");
        var root = Json.object();
        var aws = root.putObject("_aws");
        aws.put("Timestamp", timestampMs);
        var directives = aws.putArray("CloudWatchMetrics");
        // metrics published under the same dimension sets share one directive
        var byLayout = new LinkedHashMap<List<List<String>>, List<MetricCatalog.Definition>>();
        for (String name : values.keySet()) {
            var def = catalog.definition(name);
            byLayout.computeIfAbsent(def.dimensions(), k -> new ArrayList<>()).add(def);
        }
        var needed = new ArrayList<String>();
        for (var layout : byLayout.entrySet()) {
            var directive = directives.addObject();
            directive.put("Namespace", catalog.namespace());
            var sets = directive.putArray("Dimensions");
            for (var set : layout.getKey()) {
                var names = sets.addArray();
                for (String d : catalog.commonDimensions()) names.add(d);
                for (String d : set) names.add(d);
            }
            var metrics = directive.putArray("Metrics");
            for (var def : layout.getValue()) {
                metrics.addObject().put("Name", def.name()).put("Unit", def.unit());
                for (String d : def.dimensionNames(catalog.commonDimensions())) if (!needed.contains(d)) needed.add(d);
            }
        }
        for (String d : needed) {
            String v = dimensions.get(d);
            if (v == null || v.isBlank()) throw new IllegalArgumentException("dimension " + d + " has no value");
            root.put(d, v.length() > MAX_DIMENSION_VALUE ? v.substring(0, MAX_DIMENSION_VALUE) : v);
        }
        properties.forEach((k, v) -> {
            if (v != null && !root.has(k)) root.put(k, v);
        });
        values.forEach((name, v) -> {
            if (v == null || v.isNaN() || v.isInfinite()) throw new IllegalArgumentException("metric " + name + " has no finite value");
            if (v == Math.rint(v) && Math.abs(v) < 1e15) root.put(name, v.longValue());
            else root.put(name, v);
        });
        return Json.write(root);
    }
}
