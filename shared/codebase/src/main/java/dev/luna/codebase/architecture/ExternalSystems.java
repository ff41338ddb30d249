package dev.luna.codebase.architecture;

import dev.luna.codebase.ProjectModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * Finds the external systems a project talks to: declared dependencies (runtime scopes), imports of program files,
 * lines of configuration files and, for scripts, lines of code ({@code fetch("https://…")}, {@code boto3.client("sqs")}).
 * Evidence names the rule that matched, never the matched value (connection strings hold credentials).
 */
public final class ExternalSystems {
    static final int MAX_EVIDENCE = 5;
    static final long MAX_FILE_BYTES = 1L << 20;
    static final long MAX_TOTAL_BYTES = 64L << 20;
    private static final Pattern CONFIG = Pattern.compile("(^|/)(application|bootstrap)[^/]*\\.(properties|ya?ml)$|(^|/)(docker-)?compose[^/]*\\.ya?ml$"
            + "|(^|/)\\.env(\\.[\\w-]+)?$|(^|/)settings\\.py$|(^|/)config/[^/]+\\.(json|ya?ml|toml|properties)$");
    private static final Pattern SCRIPT = Pattern.compile("\\.([cm]?[jt]sx?|py)$");
    private final ExternalRules rules = new ExternalRules();

    private static final class Found {
        final ExternalRules.Rule first;
        final TreeSet<String> technologies = new TreeSet<>();
        final TreeSet<ExternalSystem.Evidence> evidence = new TreeSet<>(ExternalSystem.Evidence.ORDER);
        final TreeSet<String> usedBy = new TreeSet<>();
        final java.util.HashSet<String> places = new java.util.HashSet<>();

        Found(ExternalRules.Rule first) {
            this.first = first;
        }
    }

    /**
     * @param root       the checked-out project, for configuration files and script lines
     * @param components program file → component, for {@code usedBy}
     */
    public List<ExternalSystem> find(ProjectModel model, Path root, Map<String, String> components, BooleanSupplier stop) {
        var found = new TreeMap<String, Found>();
        for (var m : model.manifests()) {
            for (var d : m.dependencies()) {
                if (!d.direct() || d.scope().equals("dev") || SourceScope.test(d.manifest())) continue;
                for (var r : rules.of("dep")) {
                    if (ecosystem(r.scope(), d.ecosystem()) && Rules.matches(r.pattern(), d.name())) {
                        add(found, r, new ExternalSystem.Evidence("dependency", new Location(d.manifest(), d.line()), d.name()), null);
                    }
                }
            }
        }
        for (var e : model.imports()) {
            String component = components.get(e.from());
            if (component == null || e.target() != null) continue;
            String name = e.external() != null ? e.external() : e.specifier();
            for (var r : rules.of("import")) {
                if (r.scope().equals(e.language()) && (Rules.matches(r.pattern(), name) || e.kind().equals("wildcard") && Rules.matches(r.pattern(), name + ".*"))) {
                    add(found, r, new ExternalSystem.Evidence("import", new Location(e.from(), e.line()), name), component);
                }
            }
            // a package a dependency rule names, imported by a script (npm and PyPI names are what scripts import)
            if (e.external() == null || !(e.language().equals("js") || e.language().equals("python"))) continue;
            for (var r : rules.of("dep")) {
                boolean ecosystem = e.language().equals("js") ? r.scope().equals("npm") : r.scope().equals("pypi");
                if (ecosystem && Rules.matches(r.pattern(), e.external())) {
                    add(found, r, new ExternalSystem.Evidence("import", new Location(e.from(), e.line()), e.external()), component);
                }
            }
        }
        long budget = MAX_TOTAL_BYTES;
        for (var f : model.files()) {
            if (stop.getAsBoolean() || budget <= 0) break;
            boolean config = CONFIG.matcher(f.path()).find() && !SourceScope.test(f.path());
            boolean script = components.containsKey(f.path()) && SCRIPT.matcher(f.path()).find();
            if (!config && !script || f.bytes() > MAX_FILE_BYTES) continue;
            budget -= f.bytes();
            var lines = lines(root, f.path());
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isBlank() || config && line.stripLeading().startsWith("#")) continue;
                for (var r : rules.of(config ? "config" : "code")) {
                    if (r.regex().matcher(line).find()) {
                        add(found, r, new ExternalSystem.Evidence(r.how(), new Location(f.path(), i + 1), r.pattern()), components.get(f.path()));
                    }
                }
            }
        }
        return merge(found);
    }

    private static boolean ecosystem(String rule, String dependency) {
        return rule.equals(dependency) || rule.equals("maven") && dependency.equals("gradle");
    }

    private static void add(Map<String, Found> found, ExternalRules.Rule rule, ExternalSystem.Evidence evidence, String component) {
        var f = found.computeIfAbsent(rule.id(), k -> new Found(rule));
        f.technologies.add(rule.technology());
        if (f.places.add(evidence.how() + "\u0000" + evidence.at())) f.evidence.add(evidence);
        if (component != null) f.usedBy.add(component);
    }

    /** A generic system (an id equal to its group) is folded into the specific ones of its group, when there are any. */
    private static List<ExternalSystem> merge(Map<String, Found> found) {
        for (var generic : List.copyOf(found.values())) {
            if (!generic.first.generic()) continue;
            var specific = found.values().stream().filter(f -> !f.first.generic() && f.first.group().equals(generic.first.group())).toList();
            if (specific.isEmpty()) continue;
            for (var s : specific) {
                s.usedBy.addAll(generic.usedBy);
                for (var e : generic.evidence) if (s.places.add(e.how() + "\u0000" + e.at())) s.evidence.add(e);
                s.technologies.addAll(generic.technologies);
            }
            found.remove(generic.first.id());
        }
        var out = new ArrayList<ExternalSystem>();
        for (var f : found.values()) {
            out.add(new ExternalSystem(f.first.id(), f.first.name(), f.first.kind(), String.join(", ", f.technologies),
                    f.evidence.stream().limit(MAX_EVIDENCE).toList(), List.copyOf(f.usedBy)));
        }
        out.sort(ExternalSystem.ORDER);
        return out;
    }

    private static List<String> lines(Path root, String path) {
        try {
            Path file = root.resolve(path).normalize();
            if (!file.startsWith(root.normalize()) || !Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return List.of();
            byte[] bytes = Files.readAllBytes(file);
            return new String(bytes, StandardCharsets.UTF_8).lines().toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
