package dev.luna.codebase.secrets;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The secret-rule catalog: the rules and the global allowlist, read from YAML ({@code rules.yaml} beside this class
 * for the built-in catalog) and validated (unique {@code secret-} ids, known severities and precisions, https
 * references, lower-case keywords, regexes that compile and have the secret group). Rules keep the file's order,
 * specific ones first: when two rules match the same text, the earlier one wins.
 */
public final class SecretRules {
    private static final Set<String> SEVERITIES = Set.of("critical", "high", "medium", "low");
    private static final Set<String> PRECISIONS = Set.of("very-high", "high", "medium", "low");
    private static final YAMLMapper YAML = YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final List<SecretRule> rules;
    private final SecretRule.Allowlist global;

    private SecretRules(List<SecretRule> rules, SecretRule.Allowlist global) {
        this.rules = List.copyOf(rules);
        this.global = global;
    }

    /** The built-in catalog. */
    public static SecretRules builtIn() {
        try (InputStream in = SecretRules.class.getResourceAsStream("rules.yaml")) {
            if (in == null) throw new IllegalStateException("rules.yaml missing from the classpath");
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the secret rules", e);
        }
    }

    /** Parses and validates a catalog; a broken one is an {@link IllegalArgumentException} naming the rule and field. */
    public static SecretRules parse(String yaml) {
        CatalogDoc doc;
        try {
            doc = YAML.readValue(yaml, CatalogDoc.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("secret rules: " + e.getOriginalMessage(), e);
        }
        if (doc == null || doc.rules() == null || doc.rules().isEmpty()) throw new IllegalArgumentException("secret rules: no rules");
        var ids = new HashSet<String>();
        var rules = new ArrayList<SecretRule>();
        for (RuleDoc r : doc.rules()) {
            SecretRule rule = toRule(r);
            if (!ids.add(rule.id())) throw new IllegalArgumentException("secret rules: duplicate id " + rule.id());
            rules.add(rule);
        }
        return new SecretRules(rules, toAllowlist("allowlist", doc.allowlist()));
    }

    public List<SecretRule> rules() {
        return rules;
    }

    public SecretRule.Allowlist global() {
        return global;
    }

    private static SecretRule toRule(RuleDoc r) {
        String id = require(r.id(), "?", "id");
        if (!id.matches("secret-[a-z0-9-]+")) throw bad(id, "id", "must be secret-<lower-case words>");
        require(r.name(), id, "name");
        require(r.description(), id, "description");
        if (!SEVERITIES.contains(r.severity())) throw bad(id, "severity", "must be one of " + SEVERITIES);
        if (!PRECISIONS.contains(r.precision())) throw bad(id, "precision", "must be one of " + PRECISIONS);
        if (r.securitySeverity() == null || r.securitySeverity() < 0 || r.securitySeverity() > 10) {
            throw bad(id, "security-severity", "must be 0.0-10.0");
        }
        if (r.keywords() == null || r.keywords().isEmpty()) throw bad(id, "keywords", "must not be empty");
        for (String k : r.keywords()) {
            if (k.isEmpty() || !k.equals(k.toLowerCase(Locale.ROOT))) throw bad(id, "keywords", "must be lower case: " + k);
        }
        if (r.references() == null || r.references().isEmpty() || !r.references().stream().allMatch(u -> u.startsWith("https://"))) {
            throw bad(id, "references", "must be https links");
        }
        require(r.since(), id, "since");
        Pattern regex = compile(id, "regex", require(r.regex(), id, "regex"));
        int group = r.secretGroup() == null ? 1 : r.secretGroup();
        if (group < 0 || group > regex.matcher("").groupCount()) throw bad(id, "secret-group", "no such group " + group);
        double entropy = r.entropy() == null ? 0 : r.entropy();
        return new SecretRule(id, r.name(), r.description(), r.severity(), r.securitySeverity(), r.precision(), r.keywords(), regex,
                group, entropy, compileAll(id, "paths", r.paths()), Boolean.TRUE.equals(r.skipTestData()),
                toAllowlist(id, r.allowlist()), r.references(), r.since());
    }

    private static SecretRule.Allowlist toAllowlist(String id, AllowlistDoc a) {
        if (a == null) return SecretRule.Allowlist.NONE;
        List<String> stopwords = a.stopwords() == null ? List.of() : a.stopwords();
        for (String s : stopwords) {
            if (!s.equals(s.toLowerCase(Locale.ROOT))) throw bad(id, "allowlist.stopwords", "must be lower case: " + s);
        }
        return new SecretRule.Allowlist(compileAll(id, "allowlist.regexes", a.regexes()),
                compileAll(id, "allowlist.line-regexes", a.lineRegexes()), stopwords, compileAll(id, "allowlist.paths", a.paths()));
    }

    private static List<Pattern> compileAll(String id, String field, List<String> regexes) {
        if (regexes == null) return List.of();
        return regexes.stream().map(r -> compile(id, field, r)).toList();
    }

    private static Pattern compile(String id, String field, String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw bad(id, field, "does not compile: " + e.getDescription());
        }
    }

    private static String require(String value, String id, String field) {
        if (value == null || value.isBlank()) throw bad(id, field, "is required");
        return value;
    }

    private static IllegalArgumentException bad(String id, String field, String problem) {
        return new IllegalArgumentException("secret rule " + id + ": " + field + " " + problem);
    }

    record CatalogDoc(AllowlistDoc allowlist, List<RuleDoc> rules) {
    }

    record AllowlistDoc(List<String> regexes, @JsonProperty("line-regexes") List<String> lineRegexes, List<String> stopwords,
                        List<String> paths) {
    }

    record RuleDoc(String id, String name, String description, String severity,
                   @JsonProperty("security-severity") Double securitySeverity, String precision, List<String> keywords, String regex,
                   @JsonProperty("secret-group") Integer secretGroup, Double entropy, List<String> paths,
                   @JsonProperty("skip-test-data") Boolean skipTestData, AllowlistDoc allowlist, List<String> references, String since) {
    }
}
