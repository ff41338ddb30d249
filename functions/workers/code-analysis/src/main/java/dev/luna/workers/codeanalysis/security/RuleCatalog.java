package dev.luna.workers.codeanalysis.security;

import dev.luna.workers.codeanalysis.findings.RuleInfo;
import dev.luna.workers.codeanalysis.findings.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The security rules, as data: {@code rules/security/index.yaml} lists the ids, and each {@code <id>.yaml} holds
 * the rule's metadata and what it pairs (taint source and sink kinds) or reports (pattern checks). Loading validates
 * every rule (unique ids, required metadata, https references, known kinds) and fails loudly on a bad one.
 */
final class RuleCatalog {
    static final String DIR = "/rules/security/";
    private static final Set<String> PRECISIONS = Set.of("very-high", "high", "medium", "low");
    private static final Pattern ID = Pattern.compile("java-[a-z0-9-]+");
    private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+");

    private final List<SecurityRule> rules;
    private final Map<String, SecurityRule> byCheck = new LinkedHashMap<>();

    RuleCatalog(List<SecurityRule> rules) {
        this.rules = rules.stream().sorted(Comparator.comparing(r -> r.info().id())).toList();
        for (SecurityRule r : this.rules) for (String c : r.checks()) byCheck.put(c, r);
    }

    static RuleCatalog load(TaintModels models) {
        var mapper = new YAMLMapper();
        JsonNode index = read(mapper, DIR + "index.yaml");
        var rules = new ArrayList<SecurityRule>();
        var ids = new LinkedHashSet<String>();
        for (JsonNode id : index.path("rules")) {
            String name = id.asString();
            if (!ids.add(name)) throw new IllegalStateException("duplicate rule id " + name);
            rules.add(parse(name, read(mapper, DIR + name + ".yaml"), models));
        }
        var checks = new LinkedHashSet<String>();
        for (SecurityRule r : rules) for (String c : r.checks()) if (!checks.add(c)) throw new IllegalStateException("check " + c + " in two rules");
        return new RuleCatalog(rules);
    }

    private static JsonNode read(YAMLMapper mapper, String path) {
        try (InputStream in = RuleCatalog.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("missing " + path);
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SecurityRule parse(String expectedId, JsonNode r, TaintModels models) {
        String id = req(r, "id", expectedId);
        if (!id.equals(expectedId) || !ID.matcher(id).matches()) throw new IllegalStateException("rule id " + id + " in " + expectedId + ".yaml");
        double sec = r.path("security-severity").asDouble(-1);
        if (sec < 0 || sec > 10) throw new IllegalStateException(id + ": security-severity must be 0.0-10.0");
        String precision = req(r, "precision", id);
        if (!PRECISIONS.contains(precision)) throw new IllegalStateException(id + ": precision " + precision);
        var cwe = new ArrayList<Integer>();
        for (JsonNode c : r.path("cwe")) cwe.add(c.asInt());
        if (cwe.isEmpty() || cwe.contains(0)) throw new IllegalStateException(id + ": cwe required");
        var refs = new ArrayList<String>();
        for (JsonNode u : r.path("references")) {
            if (!u.asString().startsWith("https://")) throw new IllegalStateException(id + ": reference not https: " + u.asString());
            refs.add(u.asString());
        }
        if (refs.isEmpty()) throw new IllegalStateException(id + ": references required");
        String since = req(r, "since", id);
        if (!VERSION.matcher(since).matches()) throw new IllegalStateException(id + ": since " + since);
        Set<String> sources = strings(r.path("sources"));
        Set<String> sinks = strings(r.path("sinks"));
        Set<String> checks = strings(r.path("checks"));
        if (sinks.isEmpty() && checks.isEmpty()) throw new IllegalStateException(id + ": neither sinks nor checks");
        if (sinks.isEmpty() != sources.isEmpty()) throw new IllegalStateException(id + ": sources and sinks go together");
        for (String k : sinks) if (models.kindBit(k) == 0) throw new IllegalStateException(id + ": unknown sink kind " + k);
        var info = new RuleInfo(id, req(r, "name", id), "security", req(r, "message", id), req(r, "help", id),
                Severity.parse(req(r, "severity", id)), sec, precision, cwe, refs, since);
        String engine = sinks.isEmpty() ? "pattern" : checks.isEmpty() ? "taint" : "taint+pattern";
        return new SecurityRule(info, engine, sources, sinks, checks);
    }

    private static Set<String> strings(JsonNode list) {
        var out = new LinkedHashSet<String>();
        for (JsonNode n : list) out.add(n.asString());
        return out;
    }

    private static String req(JsonNode r, String field, String id) {
        JsonNode v = r.get(field);
        if (v == null || v.isNull() || v.asString().isBlank()) throw new IllegalStateException(id + ": " + field + " required");
        return v.asString().strip();
    }

    List<SecurityRule> rules() {
        return rules;
    }

    List<RuleInfo> infos() {
        return rules.stream().map(SecurityRule::info).toList();
    }

    List<SecurityRule> forFlow(String sourceKind, String sinkKind) {
        var out = new ArrayList<SecurityRule>(1);
        for (SecurityRule r : rules) if (r.sources().contains(sourceKind) && r.sinks().contains(sinkKind)) out.add(r);
        return out;
    }

    SecurityRule forCheck(String check) {
        return byCheck.get(check);
    }
}
