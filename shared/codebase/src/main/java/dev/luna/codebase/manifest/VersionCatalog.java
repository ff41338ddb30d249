package dev.luna.codebase.manifest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.toml.TomlMapper;

/**
 * A Gradle version catalog ({@code gradle/libs.versions.toml}): its libraries and plugins by alias, as the
 * {@code libs.x.y} accessors of build files name them (aliases normalised to dots).
 */
final class VersionCatalog {
    record Entry(String name, String version, int line, boolean plugin) {
    }

    private final Map<String, Entry> entries = new HashMap<>();
    private final Manifest manifest;

    VersionCatalog(String path, String text) {
        var problems = new ArrayList<String>();
        var deps = new ArrayList<Dependency>();
        try {
            var root = new TomlMapper().readTree(text);
            var versions = root.path("versions");
            read(root.path("libraries"), versions, text, false, path, deps);
            read(root.path("plugins"), versions, text, true, path, deps);
        } catch (RuntimeException e) {
            problems.add(Toml.problem(e));
        }
        manifest = new Manifest(path, "libs.versions.toml", null, null, deps, problems);
    }

    private void read(JsonNode table, JsonNode versions, String text, boolean plugin, String path, List<Dependency> deps) {
        String header = plugin ? "[plugins]" : "[libraries]";
        int from = Math.max(1, Versions.lineOf(text, header, 1));
        for (var e : table.properties()) {
            String alias = e.getKey();
            var v = e.getValue();
            String name;
            String version = null;
            if (v.isString()) {
                var parts = v.asString().split(":");
                name = plugin ? parts[0] : parts.length >= 2 ? parts[0] + ":" + parts[1] : v.asString();
                if (plugin && parts.length >= 2) version = parts[1];
                if (!plugin && parts.length >= 3) version = parts[2];
            } else {
                if (plugin) name = v.path("id").asString("");
                else if (v.has("module")) name = v.path("module").asString("");
                else name = v.path("group").asString("") + ":" + v.path("name").asString("");
                var ver = v.path("version");
                if (ver.isString()) version = ver.asString();
                else if (ver.has("ref")) version = versions.path(ver.path("ref").asString("")).asString(null);
                else if (ver.has("strictly")) version = ver.path("strictly").asString(null);
                else if (ver.has("require")) version = ver.path("require").asString(null);
                else if (v.has("version.ref")) version = versions.path(v.path("version.ref").asString("")).asString(null);
            }
            int line = Versions.lineOf(text, alias, from);
            entries.put(alias.replace('-', '.').replace('_', '.'), new Entry(name, version, line, plugin));
            deps.add(new Dependency("maven", name, version, Versions.exact(version), plugin ? "build" : "runtime", path, line, true));
        }
    }

    /** The entry for an accessor such as {@code libs.spring.boot.starter} or {@code libs.plugins.kotlin.jvm}, or null. */
    Entry lookup(String accessor) {
        String a = accessor.startsWith("libs.") ? accessor.substring(5) : accessor;
        if (a.startsWith("plugins.")) {
            var e = entries.get(a.substring(8));
            return e != null && e.plugin ? e : null;
        }
        var e = entries.get(a);
        return e != null && !e.plugin ? e : null;
    }

    Manifest manifest() {
        return manifest;
    }
}
