package dev.luna.workers.codeanalysis.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The taint models (sources, sinks, sanitizers, propagators, library types), loaded once from
 * {@code models/security/*.model.yaml} and indexed by method name. Immutable and thread-safe once built.
 */
final class TaintModels {
    static final String[] FILES = {"sources", "sinks", "sanitizers", "propagators", "types"};

    private final Map<String, List<ModelRow>> byMethod = new HashMap<>();
    private final Map<String, Integer> kindBits = new LinkedHashMap<>();
    private final Map<String, List<String>> supertypes = new LinkedHashMap<>();
    private final Set<String> knownTypes = new LinkedHashSet<>();
    private final List<ModelRow.ParameterSource> parameterSources = new ArrayList<>();
    private final Set<String> handlerAnnotations = new LinkedHashSet<>();
    private final Set<String> handlerNonSources = new LinkedHashSet<>();
    private final Set<String> cleanResults = new LinkedHashSet<>();
    private final Set<String> exactTypes = new LinkedHashSet<>();
    private int injectionMask;
    private String namedTargetKind;
    private Pattern namedTargetPattern;
    /** Names already judged by {@link #isSecretName} (thread-safe: analyses may run in parallel). */
    private final Map<String, Boolean> secretNames = new java.util.concurrent.ConcurrentHashMap<>();

    static TaintModels load() {
        var mapper = new YAMLMapper();
        var docs = new LinkedHashMap<String, JsonNode>();
        for (String name : FILES) {
            String path = "/models/security/" + name + ".model.yaml";
            try (InputStream in = TaintModels.class.getResourceAsStream(path)) {
                if (in == null) throw new IllegalStateException("missing " + path);
                docs.put(name, mapper.readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new TaintModels(docs);
    }

    private TaintModels(Map<String, JsonNode> docs) {
        var sanitizers = docs.get("sanitizers");
        for (JsonNode k : sanitizers.path("kinds").path("injection")) bit(k.asString());
        for (JsonNode k : sanitizers.path("kinds").path("injection")) injectionMask |= bit(k.asString());
        for (JsonNode r : docs.get("sources").path("sources")) {
            String out = text(r, "out", "return");
            add(new ModelRow.Source(call(r), req(r, "kind"), text(r, "label", "untrusted data"),
                    out.equals("return") ? -1 : Integer.parseInt(out.substring(3))));
        }
        for (JsonNode r : docs.get("sources").path("parameters")) {
            parameterSources.add(new ModelRow.ParameterSource(req(r, "annotation"), req(r, "kind"), req(r, "label")));
        }
        for (JsonNode a : docs.get("sources").path("handlers")) handlerAnnotations.add(a.asString());
        for (JsonNode a : docs.get("sources").path("handlerNonSources")) handlerNonSources.add(a.asString());
        for (JsonNode r : docs.get("sinks").path("sinks")) {
            String kind = req(r, "kind");
            bit(kind);
            add(new ModelRow.Sink(call(r), kind, positions(r.path("args")), req(r, "label")));
        }
        JsonNode named = docs.get("sinks").path("namedTargets");
        namedTargetKind = req(named, "kind");
        bit(namedTargetKind);
        namedTargetPattern = Pattern.compile(req(named, "pattern"));
        for (JsonNode r : sanitizers.path("sanitizers")) {
            int mask = 0;
            for (JsonNode k : r.path("kinds")) mask |= k.asString().equals("injection") ? injectionMask : bit(k.asString());
            add(new ModelRow.Sanitizer(call(r), mask));
        }
        var props = docs.get("propagators");
        for (JsonNode r : props.path("propagators")) {
            String to = req(r, "to");
            int target = switch (to) {
                case "return" -> ModelRow.Propagator.TO_RETURN;
                case "this" -> ModelRow.Sink.RECEIVER;
                default -> Integer.parseInt(to);
            };
            add(new ModelRow.Propagator(call(r), positions(r.path("from")), target, r.path("fluent").asBoolean(false)));
        }
        for (JsonNode n : props.path("cleanResults")) cleanResults.add(n.asString());
        var types = docs.get("types");
        for (JsonNode r : types.path("supertypes")) {
            var sups = new ArrayList<String>();
            for (JsonNode s : r.path("supertypes")) sups.add(s.asString());
            supertypes.put(req(r, "type"), List.copyOf(sups));
            knownTypes.add(req(r, "type"));
            knownTypes.addAll(sups);
        }
        for (JsonNode r : types.path("returns")) {
            add(new ModelRow.Returns(call(r), CallPattern.simple(req(r, "returns"))));
            knownTypes.add(CallPattern.simple(req(r, "returns")));
        }
    }

    private void add(ModelRow row) {
        if (row.call().exact()) exactTypes.add(row.call().type());
        byMethod.computeIfAbsent(row.call().method(), k -> new ArrayList<>()).add(row);
        knownTypes.add(row.call().type());
    }

    private static CallPattern call(JsonNode r) {
        return CallPattern.of(req(r, "type"), req(r, "method"), r.has("byName") ? r.get("byName").asBoolean() : null,
                r.has("exact") ? r.get("exact").asBoolean() : null, r.has("hint") ? r.get("hint").asString() : null);
    }

    private static List<Integer> positions(JsonNode list) {
        var out = new ArrayList<Integer>();
        for (JsonNode p : list) {
            String s = p.asString();
            out.add(switch (s) {
                case "this" -> ModelRow.Sink.RECEIVER;
                case "all" -> ModelRow.Sink.ALL;
                default -> Integer.parseInt(s);
            });
        }
        return List.copyOf(out);
    }

    private static String req(JsonNode r, String field) {
        JsonNode v = r.get(field);
        if (v == null || v.isNull() || v.asString().isBlank()) throw new IllegalStateException("model row without " + field + ": " + r);
        return v.asString();
    }

    private static String text(JsonNode r, String field, String dflt) {
        JsonNode v = r.get(field);
        return v == null || v.isNull() ? dflt : v.asString();
    }

    private int bit(String kind) {
        Integer b = kindBits.get(kind);
        if (b == null) {
            if (kindBits.size() >= 30) throw new IllegalStateException("too many sink kinds");
            b = 1 << kindBits.size();
            kindBits.put(kind, b);
        }
        return b;
    }

    /** The bit of a sink kind in a sanitized-for mask, 0 for a kind no model names. */
    int kindBit(String kind) {
        return kindBits.getOrDefault(kind, 0);
    }

    int injectionMask() {
        return injectionMask;
    }

    List<ModelRow> rowsFor(String method) {
        var exact = byMethod.getOrDefault(method, List.of());
        var any = byMethod.getOrDefault("*", List.of());
        if (any.isEmpty()) return exact;
        if (exact.isEmpty()) return any;
        var both = new ArrayList<ModelRow>(exact);
        both.addAll(any);
        return both;
    }

    Map<String, List<String>> supertypes() {
        return supertypes;
    }

    /** Types some row matches exactly (not their subtypes): a value of unknown runtime class must not match them. */
    Set<String> exactTypes() {
        return exactTypes;
    }

    Set<String> knownTypes() {
        return knownTypes;
    }

    List<ModelRow.ParameterSource> parameterSources() {
        return parameterSources;
    }

    Set<String> handlerAnnotations() {
        return handlerAnnotations;
    }

    Set<String> handlerNonSources() {
        return handlerNonSources;
    }

    boolean cleanResult(String method) {
        return cleanResults.contains(method);
    }

    String namedTargetKind() {
        return namedTargetKind;
    }

    boolean isSecretName(String name) {
        if (name == null) return false;
        Boolean hit = secretNames.get(name);
        if (hit == null) {
            hit = namedTargetPattern.matcher(name).find();
            if (secretNames.size() < 100_000) secretNames.put(name, hit);
        }
        return hit;
    }
}
