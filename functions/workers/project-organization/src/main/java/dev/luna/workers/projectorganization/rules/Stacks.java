package dev.luna.workers.projectorganization.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The stacks of {@code stacks.tsv} (Maven, Gradle, Node.js, Python, Go, plus {@code common}), how each is recognised,
 * its {@code .gitignore} template ({@code templates/gitignore/<stack>.gitignore}) and the probe paths that show
 * whether an existing {@code .gitignore} covers each template rule ({@code gitignore-probes.tsv}).
 */
public final class Stacks {
    /** One stack. */
    public record Stack(String id, List<Pattern> markers, String title) {
    }

    /** A template rule and a path it must ignore. */
    public record Probe(String stack, String rule, String path) {
    }

    private final Map<String, Stack> stacks = new LinkedHashMap<>();
    private final List<Probe> probes = new ArrayList<>();

    public Stacks() {
        for (var row : Tsv.read("stacks.tsv", 3)) {
            var markers = new ArrayList<Pattern>();
            if (!row[1].equals("-")) for (var m : row[1].split("\\|")) markers.add(Globs.compile(m));
            stacks.put(row[0], new Stack(row[0], markers, row[2]));
        }
        for (var row : Tsv.read("gitignore-probes.tsv", 3)) {
            if (!stacks.containsKey(row[0])) throw new IllegalStateException("gitignore-probes.tsv: unknown stack " + row[0]);
            probes.add(new Probe(row[0], row[1], row[2]));
        }
    }

    public Collection<Stack> all() {
        return stacks.values();
    }

    public Stack stack(String id) {
        return stacks.get(id);
    }

    /** The stacks whose marker files are among {@code fileNames}, in table order; {@code common} always. */
    public List<String> detect(Collection<String> fileNames) {
        var found = new TreeSet<String>();
        for (var s : stacks.values()) {
            if (s.markers().isEmpty()) continue;
            outer:
            for (var name : fileNames) {
                for (var m : s.markers()) {
                    if (m.matcher(name).matches()) {
                        found.add(s.id());
                        break outer;
                    }
                }
            }
        }
        var out = new ArrayList<String>();
        for (var s : stacks.keySet()) if (s.equals("common") || found.contains(s)) out.add(s);
        return out;
    }

    public List<Probe> probes(String stack) {
        return probes.stream().filter(p -> p.stack().equals(stack)).toList();
    }

    /** The template of a stack's {@code .gitignore} block. */
    public String template(String stack) {
        return Templates.text("gitignore/" + stack + ".gitignore");
    }
}
