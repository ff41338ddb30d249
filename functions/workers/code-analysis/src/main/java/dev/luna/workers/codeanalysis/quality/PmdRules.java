package dev.luna.workers.codeanalysis.quality;

import dev.luna.workers.codeanalysis.findings.RuleInfo;
import dev.luna.workers.codeanalysis.findings.Severity;
import java.util.Comparator;
import java.util.List;
import net.sourceforge.pmd.lang.rule.Rule;
import net.sourceforge.pmd.lang.rule.RulePriority;
import net.sourceforge.pmd.lang.rule.RuleSet;

/** PMD's rule metadata as Luna {@link RuleInfo}: id {@code pmd-<RuleName>}, severity from PMD's priority. */
final class PmdRules {
    private PmdRules() {
    }

    static List<RuleInfo> describe(RuleSet ruleSet) {
        return ruleSet.getRules().stream().map(PmdRules::describe).sorted(Comparator.comparing(RuleInfo::id)).toList();
    }

    private static RuleInfo describe(Rule rule) {
        String description = rule.getDescription() == null ? rule.getName() : rule.getDescription().strip().replaceAll("\\s+", " ");
        String url = rule.getExternalInfoUrl();
        List<String> references = url != null && url.startsWith("https://") ? List.of(url) : List.of();
        String help = description + (references.isEmpty() ? "" : " See " + url + ".");
        return new RuleInfo("pmd-" + rule.getName(), rule.getName(), PmdQualityAnalyzer.NAME, firstSentence(description), help,
                severity(rule.getPriority()), null, "high", List.of(), references, "0.1.0");
    }

    /** PMD priority 1 → high, 2–3 → medium, 4–5 → low. */
    static Severity severity(RulePriority priority) {
        return switch (priority) {
            case HIGH -> Severity.HIGH;
            case MEDIUM_HIGH, MEDIUM -> Severity.MEDIUM;
            case MEDIUM_LOW, LOW -> Severity.LOW;
        };
    }

    private static String firstSentence(String text) {
        int dot = text.indexOf(". ");
        String s = dot > 0 ? text.substring(0, dot + 1) : text;
        return s.length() > 200 ? s.substring(0, 197) + "..." : s;
    }
}
