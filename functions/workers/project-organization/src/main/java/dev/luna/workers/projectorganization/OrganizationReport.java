package dev.luna.workers.projectorganization;

import java.util.List;
import java.util.Map;

/**
 * Everything one clean-up analysis found, ready for {@link ReportMarkdown}, {@link ReportJson} and
 * {@link CleanupPatch}. Lists are sorted as their element types say; nothing holds a timestamp, an absolute path or
 * an unmasked secret.
 *
 * @param findings  sorted by {@link Finding#ORDER}
 * @param structure the layout verdict and, when the layout is messy, the proposed target structure
 * @param patch     what {@code cleanup.patch} carries ({@link PatchPlan#EMPTY} when {@code emitPatch} is false)
 * @param skipped   what was left out and why, sorted by path then reason
 * @param stats     figures (files listed, commits walked…), sorted by key
 * @param complete  false when a limit or the stop signal cut the analysis short (then {@code skipped} says where)
 */
public record OrganizationReport(Summary summary, List<Finding> findings, Structure structure, PatchPlan patch, List<Skipped> skipped,
                                 Map<String, Object> stats, boolean complete) {
    public OrganizationReport {
        findings = List.copyOf(findings);
        skipped = List.copyOf(skipped);
        stats = Map.copyOf(stats);
    }

    /**
     * The headline figures.
     *
     * @param revision   the analysed commit, or null for a directory
     * @param files      files in the analysed tree
     * @param stacks     detected stacks ({@code maven}, {@code node}…), in table order
     * @param checks     the checks that ran
     * @param byCheck    findings per check (every check that ran, 0 included)
     * @param bySeverity findings per severity (every severity, 0 included)
     * @param inPatch    findings the patch resolves
     */
    public record Summary(String revision, int files, List<String> stacks, List<Check> checks, Map<String, Integer> byCheck,
                          Map<String, Integer> bySeverity, int inPatch) {
        public Summary {
            stacks = List.copyOf(stacks);
            checks = List.copyOf(checks);
            byCheck = Map.copyOf(byCheck);
            bySeverity = Map.copyOf(bySeverity);
        }
    }

    /**
     * The layout verdict.
     *
     * @param messy   whether any layout rule fired
     * @param reasons why, one line per rule that fired, sorted
     * @param moves   proposed moves, sorted by {@code from}; none of them is in the patch (moves break references)
     * @param target  the proposed top-level tree as indented text, or "" when the layout is fine
     */
    public record Structure(boolean messy, List<String> reasons, List<Move> moves, String target) {
        public static final Structure TIDY = new Structure(false, List.of(), List.of(), "");

        public Structure {
            reasons = List.copyOf(reasons);
            moves = List.copyOf(moves);
        }
    }

    /** One proposed move of a file or folder. */
    public record Move(String from, String to, String why) {
    }
}
