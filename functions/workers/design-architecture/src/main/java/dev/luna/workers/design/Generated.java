package dev.luna.workers.design;

import java.util.List;
import java.util.Map;

/**
 * Everything one run generates, before packaging: the artifacts by name (sorted), and what the result reports.
 *
 * @param files     artifact name → bytes: architecture.md, diagrams/*.mmd, workspace.dsl, adr/*.md, dependency-graph.json
 * @param problems  what the self-check found (empty when the output is valid)
 */
record Generated(Map<String, byte[]> files, Map<String, Object> summary, List<Decision> decisions, List<Refactoring> refactorings,
                 List<String> diagrams, List<String> problems) {
}
