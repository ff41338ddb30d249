package dev.luna.workers.swift;

import dev.luna.core.Json;
import dev.luna.workers.swift.lint.HigLint;
import dev.luna.workers.swift.lint.SwiftTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The validate step, in Java before success: every Swift file's strings, comments and brackets close and it has no HIG
 * finding; every JSON file (asset catalog) parses; {@code project.yml} follows XcodeGen's spec (name, a targets map,
 * each target's type among XcodeGen's product types, a supported platform, sources that exist in the project, the
 * packages it depends on declared); no template slot is left unfilled.
 */
final class OutputCheck {
    static final Set<String> PRODUCT_TYPES = Set.of("application", "application.on-demand-install-capable", "application.messages",
            "application.watchapp", "application.watchapp2", "application.watchapp2-container", "app-extension", "app-extension.intents-service",
            "app-extension.messages", "app-extension.messages-sticker-pack", "bundle", "bundle.ocunit-test", "bundle.ui-testing", "bundle.unit-test",
            "extensionkit-extension", "framework", "instruments-package", "library.dynamic", "library.static", "framework.static", "tool",
            "tv-app-extension", "watchkit-extension", "watchkit2-extension", "xcode-extension", "driver-extension", "system-extension", "xpc-service");
    static final Set<String> PLATFORMS = Set.of("iOS", "macOS", "tvOS", "watchOS", "visionOS", "auto");
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private OutputCheck() {
    }

    static List<String> problems(Map<String, String> project, HigLint lint) {
        var out = new ArrayList<String>();
        for (var e : project.entrySet()) {
            String path = e.getKey();
            String text = e.getValue();
            if (text.contains("{{")) out.add(path + " has an unfilled template slot");
            if (path.endsWith(".swift")) {
                if (!SwiftTokens.of(text).balanced()) out.add(path + ": a string, comment or bracket does not close");
                lint.swift(path, text).forEach(f -> out.add(path + ":" + f.line() + ": " + f.rule() + ": " + f.message()));
            } else if (path.endsWith(".json")) {
                try {
                    Json.tree(text);
                } catch (RuntimeException ex) {
                    out.add(path + " is not JSON: " + ex.getMessage());
                }
                if (path.endsWith(".colorset/Contents.json")) lint.colorSet(path, text).forEach(f -> out.add(path + ": " + f.message()));
            }
        }
        out.addAll(xcodegen(project));
        return out;
    }

    /** project.yml against XcodeGen's project spec (the parts we write). */
    static List<String> xcodegen(Map<String, String> project) {
        var out = new ArrayList<String>();
        String yml = project.get("project.yml");
        if (yml == null) return List.of("project.yml is missing");
        JsonNode root;
        try {
            root = YAML.readTree(yml);
        } catch (RuntimeException e) {
            return List.of("project.yml is not YAML: " + e.getMessage());
        }
        if (!root.path("name").isString() || root.path("name").asString().isBlank()) out.add("project.yml: name is missing");
        var targets = root.path("targets");
        if (!targets.isObject() || targets.isEmpty()) out.add("project.yml: targets is not a map of targets");
        for (var t : targets.properties()) {
            String name = t.getKey();
            var target = t.getValue();
            if (!PRODUCT_TYPES.contains(target.path("type").asString(""))) out.add("project.yml: target " + name + " has an unknown type '" + target.path("type").asString("") + "'");
            if (!PLATFORMS.contains(target.path("platform").asString("")) && !target.path("supportedDestinations").isArray()) {
                out.add("project.yml: target " + name + " has no supported platform");
            }
            for (var source : target.path("sources")) {
                String path = source.isString() ? source.asString() : source.path("path").asString("");
                String prefix = path.endsWith("/") ? path : path + "/";
                if (project.keySet().stream().noneMatch(p -> p.startsWith(prefix))) out.add("project.yml: target " + name + " lists sources '" + path + "', which do not exist");
            }
            for (var dependency : target.path("dependencies")) {
                if (dependency.has("package") && !root.path("packages").has(dependency.path("package").asString())) {
                    out.add("project.yml: target " + name + " depends on the undeclared package " + dependency.path("package").asString());
                }
            }
        }
        return out;
    }
}
