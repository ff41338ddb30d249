package dev.luna.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Task payload schemas ({@code functions/task-types/*.schema.json}, shipped in this module as {@code luna/task-types/}),
 * made self-contained: a {@code "$ref": "source.schema.json"} names a shared schema of the same folder; it becomes
 * {@code "#/$defs/source"}, and that schema and its own {@code $defs} (renamed {@code source_<name>}) are copied into the
 * document's {@code $defs}. So every type states the source object the same way, and clients (the console's forms,
 * the OpenAPI document) get one document with no external references.
 */
final class TaskSchemas {
    private static final Pattern FILE = Pattern.compile("[a-z0-9][a-z0-9.-]{0,80}\\.json");
    private static final Pattern SHARED_REF = Pattern.compile("([a-z0-9][a-z0-9-]{0,40})\\.schema\\.json");

    private TaskSchemas() {
    }

    static JsonNode load(String file, JsonMapper mapper) {
        var root = read(file, mapper);
        if (root instanceof ObjectNode object) {
            var shared = new java.util.TreeSet<String>();
            rewrite(object, shared);
            for (String name : shared) addShared(object, name, mapper);
        }
        return root;
    }

    /** Points references to shared schemas at {@code #/$defs/<name>}, collecting the names. */
    private static void rewrite(JsonNode node, java.util.Set<String> shared) {
        if (node instanceof ObjectNode object) {
            var ref = object.get("$ref");
            if (ref != null && ref.isString()) {
                var m = SHARED_REF.matcher(ref.asString());
                if (m.matches()) {
                    shared.add(m.group(1));
                    object.put("$ref", "#/$defs/" + m.group(1));
                }
            }
            for (var e : object.properties()) rewrite(e.getValue(), shared);
        } else if (node != null && node.isArray()) {
            for (var child : node) rewrite(child, shared);
        }
    }

    /** Copies {@code <name>.schema.json} into the root's {@code $defs} as {@code name}, its own defs as {@code name_<def>}. */
    private static void addShared(ObjectNode root, String name, JsonMapper mapper) {
        var defs = root.has("$defs") ? (ObjectNode) root.get("$defs") : root.putObject("$defs");
        if (defs.has(name)) return;
        var shared = (ObjectNode) read(name + ".schema.json", mapper);
        var own = shared.remove("$defs");
        shared.remove("$schema");
        shared.remove("$id");
        String text = mapper.writeValueAsString(shared);
        defs.set(name, mapper.readTree(rename(text, name)));
        if (own != null) {
            for (var e : own.properties()) defs.set(name + "_" + e.getKey(), mapper.readTree(rename(mapper.writeValueAsString(e.getValue()), name)));
        }
    }

    private static String rename(String json, String name) {
        return json.replace("\"#/$defs/", "\"#/$defs/" + name + "_");
    }

    private static JsonNode read(String file, JsonMapper mapper) {
        if (file == null || !FILE.matcher(file).matches()) throw new IllegalArgumentException("bad payload schema file name: " + file);
        try (InputStream in = TaskSchemas.class.getResourceAsStream("/luna/task-types/" + file)) {
            if (in == null) throw new IllegalStateException("luna/task-types/" + file + " is missing from the classpath");
            return mapper.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
