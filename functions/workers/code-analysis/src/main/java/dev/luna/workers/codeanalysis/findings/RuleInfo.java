package dev.luna.workers.codeanalysis.findings;

import java.util.List;

/**
 * A rule's metadata, in one place (SARIF {@code tool.driver.rules[]}, the docs, the report).
 *
 * @param id               stable id, unique across analyzers
 * @param name             PascalCase name (SARIF {@code rules[].name}), e.g. {@code SqlInjection}
 * @param message          one-line description (SARIF {@code shortDescription})
 * @param help             what it detects and how to fix it (SARIF {@code help.text}), a few sentences
 * @param securitySeverity CVSS-like 0.0–10.0 for security rules (SARIF {@code properties.security-severity}), null otherwise
 * @param precision        {@code very-high}, {@code high}, {@code medium} or {@code low}
 * @param cwe              CWE numbers; rendered as tags {@code CWE-89} and {@code external/cwe/cwe-089} and as CWE taxa
 * @param references       https links
 * @param since            Luna version that introduced it, e.g. {@code 0.1.0}
 */
public record RuleInfo(String id, String name, String analyzer, String message, String help, Severity severity, Double securitySeverity,
                       String precision, List<Integer> cwe, List<String> references, String since) {
    public RuleInfo {
        cwe = cwe == null ? List.of() : List.copyOf(cwe);
        references = references == null ? List.of() : List.copyOf(references);
    }
}
