package dev.luna.workers.requirements;

import dev.luna.codebase.behaviour.Behaviour;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Non-functional requirements inferred from code: one per category and distinct hint ({@code nfr:timeout},
 * {@code nfr:limit}, {@code nfr:rate-limit}, {@code nfr:hashing}, {@code nfr:encryption}, {@code nfr:tls},
 * {@code nfr:caching}, {@code nfr:retry}, {@code nfr:auth}), plus access rules from security annotations; each with
 * every place that shows it; configuration keys named like one ({@code nfr-config-keys.tsv}: {@code server.ssl.*},
 * {@code *.timeout}, {@code *.page-size}…) count too. Statements come from {@code nfr-statements.tsv}.
 */
final class NfrPlanner {
    static final int MAX = 200;

    record Planned(List<Nfr> nfrs, int omitted) {
    }

    static Planned plan(ProjectEvidence evidence, Map<String, String> statements, Map<String, String> configKeys) {
        var grouped = new TreeMap<String, List<Behaviour>>();
        var hinted = new java.util.HashSet<String>();
        for (var b : evidence.behaviours()) {
            if (b.nfr()) {
                grouped.computeIfAbsent(b.kind().substring(4) + "\u0000" + b.name(), k -> new ArrayList<>()).add(b);
                hinted.add(b.file() + ":" + b.startLine());
            } else if (b.kind().equals("auth")) grouped.computeIfAbsent("access\u0000" + b.detail(), k -> new ArrayList<>()).add(b);
        }
        for (var b : evidence.kind("config-flag")) {
            if (hinted.contains(b.file() + ":" + b.startLine())) continue;
            for (var rule : configKeys.entrySet()) {
                if (java.util.regex.Pattern.compile(rule.getValue()).matcher(b.name()).find()) {
                    grouped.computeIfAbsent(rule.getKey() + "\u0000" + b.name(), k -> new ArrayList<>()).add(b);
                    break;
                }
            }
        }
        var out = new ArrayList<Nfr>();
        int omitted = 0;
        for (var e : grouped.entrySet()) {
            String[] key = e.getKey().split("\u0000", 2);
            var links = Links.clean(e.getValue().stream().map(evidence::link).toList());
            if (links.isEmpty()) continue;
            if (out.size() == MAX) {
                omitted++;
                continue;
            }
            String template = statements.getOrDefault(key[0], "The system shows {hint}.");
            String statement = template.replace("{hint}", Words.line(key[1], 120)).replace("{count}", String.valueOf(e.getValue().size()))
                    .replace("{places}", e.getValue().size() == 1 ? "1 place" : e.getValue().size() + " places");
            out.add(new Nfr("NFR" + (out.size() + 1), key[0], statement, links));
        }
        return new Planned(out, omitted);
    }
}
