package dev.luna.workers.design;

import dev.luna.codebase.architecture.Rules;

import dev.luna.codebase.ProjectModel;
import dev.luna.codebase.architecture.ArchitectureModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The decisions the code already embodies, found by the rules in {@code decisions.tsv}, one per category that has evidence. */
final class Decisions {
    static final int MAX_EVIDENCE = 6;
    private static final java.util.regex.Pattern TESTS = java.util.regex.Pattern.compile("(^|/)(test|tests|__tests__)/|Tests?\\.java$|IT\\.java$");
    private record Rule(String category, String how, String scope, String pattern, String choice, List<String> alternatives) {
    }

    private record Category(String title, String problem, List<String> drivers, List<String> good, List<String> bad) {
    }

    private final List<Rule> rules = new ArrayList<>();
    private final Map<String, Category> categories = new LinkedHashMap<>();

    Decisions() {
        for (var row : Rules.read(Decisions.class, "categories.tsv", 6)) {
            categories.put(row[0], new Category(row[1], row[2], Rules.list(row[3]), Rules.list(row[4]), Rules.list(row[5])));
        }
        for (var row : Rules.read(Decisions.class, "decisions.tsv", 4)) {
            String[] parts = row[1].split(":", 2);
            String scope = "", pattern = parts[1];
            if (parts[0].equals("dep") || parts[0].equals("import")) {
                int colon = parts[1].indexOf(':');
                scope = parts[1].substring(0, colon);
                pattern = parts[1].substring(colon + 1);
            }
            if (!categories.containsKey(row[0])) throw new IllegalStateException("decisions.tsv: unknown category " + row[0]);
            rules.add(new Rule(row[0], parts[0], scope, pattern, row[2], Rules.list(row[3])));
        }
    }

    List<Decision> recover(ProjectModel project, ArchitectureModel model) {
        var out = new ArrayList<Decision>();
        for (var category : categories.entrySet()) {
            var choices = new LinkedHashSet<String>();
            var alternatives = new LinkedHashSet<String>();
            var evidence = new TreeSet<String>();
            for (var rule : rules) {
                if (!rule.category().equals(category.getKey())) continue;
                var found = evidence(rule, project, model);
                if (found.isEmpty()) continue;
                choices.add(rule.choice());
                alternatives.addAll(rule.alternatives());
                evidence.addAll(found);
            }
            if (choices.isEmpty()) continue;
            alternatives.removeAll(choices);
            var c = category.getValue();
            var names = List.copyOf(choices);
            String chosen = names.size() == 1 ? names.getFirst() : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.getLast();
            var options = new ArrayList<String>();
            options.add(chosen);
            options.addAll(alternatives);
            out.add(new Decision(category.getKey(), c.title() + " " + chosen, "accepted (recovered from the code)", c.problem(), c.drivers(), options,
                    chosen, "the code already depends on it (see the evidence); replacing it now would touch every place listed there", c.good(),
                    c.bad(), evidence.stream().limit(MAX_EVIDENCE).toList()));
        }
        return out;
    }

    private static List<String> evidence(Rule rule, ProjectModel project, ArchitectureModel model) {
        var out = new ArrayList<String>();
        switch (rule.how()) {
            case "framework" -> project.frameworks().stream().filter(f -> f.name().equals(rule.pattern())).forEach(f -> f.evidence()
                    .forEach(e -> out.add(at(e.file(), e.line()) + " — " + e.kind() + " " + e.detail())));
            case "external" -> model.externals().stream().filter(x -> x.id().equals(rule.pattern())).forEach(x -> x.evidence()
                    .forEach(e -> out.add(e.at() + " — " + e.how() + " " + e.detail())));
            case "dep" -> project.manifests().forEach(m -> m.dependencies().forEach(d -> {
                boolean eco = d.ecosystem().equals(rule.scope()) || rule.scope().equals("maven") && d.ecosystem().equals("gradle");
                if (d.direct() && eco && Rules.matches(rule.pattern(), d.name())) out.add(at(d.manifest(), d.line()) + " — dependency " + d.name());
            }));
            case "import" -> project.imports().forEach(e -> {
                String name = e.external() != null ? e.external() : e.specifier();
                if (e.target() == null && e.language().equals(rule.scope()) && !TESTS.matcher(e.from()).find() && Rules.matches(rule.pattern(), name)) {
                    out.add(at(e.from(), e.line()) + " — import " + name);
                }
            });
            default -> throw new IllegalStateException("decisions.tsv: unknown match " + rule.how());
        }
        return out;
    }

    private static String at(String file, int line) {
        return line > 0 ? file + ":" + line : file;
    }
}
