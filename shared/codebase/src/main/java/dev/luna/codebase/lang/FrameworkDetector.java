package dev.luna.codebase.lang;

import dev.luna.codebase.manifest.Dependency;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Detects frameworks, build systems and package managers from evidence: manifest dependencies, source imports and
 * file names, matched against the rules in {@code frameworks.tsv}. Collects evidence as it is offered, then
 * {@link #frameworks()} returns them sorted by name with at most {@value #MAX_EVIDENCE} pieces of evidence per kind.
 */
public final class FrameworkDetector {
    static final int MAX_EVIDENCE = 3;

    private record Rule(String name, String category, String kind, String scope, String pattern) {
        boolean matches(String value) {
            if (pattern.startsWith("*") && pattern.endsWith("*") && pattern.length() > 1) {
                return value.contains(pattern.substring(1, pattern.length() - 1));
            }
            return pattern.endsWith("*") ? value.startsWith(pattern.substring(0, pattern.length() - 1)) : value.equals(pattern);
        }
    }

    private final List<Rule> rules = new ArrayList<>();
    private final Map<String, List<Evidence>> found = new TreeMap<>();
    private final Map<String, String> categories = new TreeMap<>();

    public FrameworkDetector() {
        var in = Objects.requireNonNull(FrameworkDetector.class.getResourceAsStream("frameworks.tsv"), "frameworks.tsv");
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) continue;
                var cols = line.split("\t");
                var ev = cols[2];
                int c1 = ev.indexOf(':');
                String kind = ev.substring(0, c1);
                if (kind.equals("file")) {
                    rules.add(new Rule(cols[0], cols[1], kind, "", ev.substring(c1 + 1)));
                } else {
                    int c2 = ev.indexOf(':', c1 + 1);
                    rules.add(new Rule(cols[0], cols[1], kind, ev.substring(c1 + 1, c2), ev.substring(c2 + 1)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void dependency(Dependency d) {
        String name = d.ecosystem().equals("pypi") ? d.name().toLowerCase(Locale.ROOT) : d.name();
        String eco = d.ecosystem().equals("gradle") ? "maven" : d.ecosystem();
        for (var r : rules) {
            if (r.kind.equals("dep") && r.scope.equals(eco) && r.matches(name)) add(r, "dependency", d.manifest(), d.line(), d.name());
        }
    }

    /** An import seen in source; {@code family} is java, js, python, go or swift. */
    public void importSeen(String family, String file, int line, String imported) {
        for (var r : rules) {
            if (r.kind.equals("import") && r.scope.equals(family) && r.matches(imported)) add(r, "import", file, line, imported);
        }
    }

    public void file(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        for (var r : rules) {
            if (r.kind.equals("file") && r.pattern.equals(name)) add(r, "file", path, 0, name);
        }
    }

    private void add(Rule r, String kind, String file, int line, String detail) {
        categories.putIfAbsent(r.name, r.category);
        var list = found.computeIfAbsent(r.name, k -> new ArrayList<>());
        // bound the evidence kept: a big monorepo imports React ten thousand times
        var ev = new Evidence(kind, file, line, detail);
        if (list.contains(ev)) return;
        long sameKind = list.stream().filter(e -> e.kind().equals(kind)).count();
        if (sameKind < MAX_EVIDENCE) {
            list.add(ev);
        } else {
            var worst = list.stream().filter(e -> e.kind().equals(kind)).max(Evidence.ORDER).orElseThrow();
            if (Evidence.ORDER.compare(ev, worst) < 0) {
                list.remove(worst);
                list.add(ev);
            }
        }
    }

    public List<Framework> frameworks() {
        var out = new ArrayList<Framework>();
        for (var e : found.entrySet()) {
            var ev = new ArrayList<>(e.getValue());
            ev.sort(Evidence.ORDER);
            out.add(new Framework(e.getKey(), categories.get(e.getKey()), ev));
        }
        out.sort(Comparator.comparing(Framework::name));
        return out;
    }
}
