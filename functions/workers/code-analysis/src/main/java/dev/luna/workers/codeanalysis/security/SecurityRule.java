package dev.luna.workers.codeanalysis.security;

import dev.luna.workers.codeanalysis.findings.RuleInfo;
import java.util.Set;

/**
 * A security rule: its metadata, and what makes it fire: for a taint rule, the source kinds and sink kinds it pairs;
 * for a pattern rule, the names of the pattern checks it reports.
 */
record SecurityRule(RuleInfo info, String engine, Set<String> sources, Set<String> sinks, Set<String> checks) {
    SecurityRule {
        sources = Set.copyOf(sources);
        sinks = Set.copyOf(sinks);
        checks = Set.copyOf(checks);
    }
}
