package dev.luna.workers.projectorganization.unused;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a {@code package.json} says about entry files (main, module, browser, types, exports, bin, files named in
 * scripts) and its name, and the path aliases of a {@code tsconfig.json}/{@code jsconfig.json}. Read leniently
 * (comments and trailing commas allowed); a malformed file reads as empty.
 *
 * @param dir     the package's folder, relative ("" for the root)
 * @param entries entry specifiers relative to {@code dir}, as written ({@code ./dist/index.js}, {@code bin/cli.js})
 * @param scripts the scripts' command lines
 */
public record PackageInfo(String dir, String name, List<String> entries, Map<String, String> scripts, boolean parsed) {
    private static final JsonMapper LENIENT = JsonMapper.builder().enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA).enable(JsonReadFeature.ALLOW_SINGLE_QUOTES).build();
    private static final Pattern SCRIPT_FILE = Pattern.compile("(?<![\\w@/.-])((?:\\.{1,2}/)?[\\w@.\\-/]+\\.(?:[cm]?[jt]sx?))(?![\\w/])");

    static JsonNode parse(String text) {
        if (text == null) return null;
        try {
            var node = LENIENT.readTree(text);
            return node != null && node.isObject() ? node : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    static PackageInfo of(String dir, String text) {
        var root = parse(text);
        if (root == null) return new PackageInfo(dir, null, List.of(), Map.of(), false);
        var entries = new ArrayList<String>();
        for (var field : List.of("main", "module", "browser", "types", "typings", "source")) {
            if (root.path(field).isString()) entries.add(root.path(field).asString());
        }
        strings(root.path("exports"), entries, 0);
        strings(root.path("bin"), entries, 0);
        var scripts = new LinkedHashMap<String, String>();
        for (var e : root.path("scripts").properties()) {
            if (!e.getValue().isString()) continue;
            scripts.put(e.getKey(), e.getValue().asString());
            var m = SCRIPT_FILE.matcher(e.getValue().asString());
            while (m.find()) entries.add(m.group(1));
        }
        String name = root.path("name").isString() ? root.path("name").asString() : null;
        return new PackageInfo(dir, name, List.copyOf(entries), scripts, true);
    }

    private static void strings(JsonNode node, List<String> out, int depth) {
        if (node == null || depth > 10) return;
        if (node.isString()) out.add(node.asString());
        else if (node.isArray()) node.forEach(n -> strings(n, out, depth + 1));
        else if (node.isObject()) for (var e : node.properties()) strings(e.getValue(), out, depth + 1);
    }

    /** tsconfig {@code compilerOptions.paths} as prefix → replacement prefixes, relative to the package; plus baseUrl under key "". */
    static Map<String, List<String>> aliases(String tsconfig) {
        var root = parse(tsconfig);
        var out = new LinkedHashMap<String, List<String>>();
        if (root == null) return out;
        var options = root.path("compilerOptions");
        String base = options.path("baseUrl").isString() ? options.path("baseUrl").asString() : null;
        String prefix = base == null || base.equals(".") || base.equals("./") ? "" : base.replaceFirst("^\\./", "").replaceAll("/$", "") + "/";
        if (base != null) out.put("", List.of(prefix));
        for (var e : options.path("paths").properties()) {
            var targets = new ArrayList<String>();
            for (var t : e.getValue()) if (t.isString()) targets.add(prefix + t.asString().replaceFirst("^\\./", "").replace("*", ""));
            out.put(e.getKey().replace("*", ""), targets);
        }
        return out;
    }
}
