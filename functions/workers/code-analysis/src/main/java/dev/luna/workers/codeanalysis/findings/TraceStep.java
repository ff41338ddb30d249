package dev.luna.workers.codeanalysis.findings;

/**
 * One step of a taint finding's data-flow trace, source first and sink last (a SARIF {@code threadFlowLocation}).
 *
 * @param kind    {@code source}, {@code step} (assignment, call, return, collection, string building…), or {@code sink}
 * @param file    relative path, '/' separated
 * @param snippet the code at this step, trimmed, secrets masked, at most 200 characters
 * @param note    what happens here, in words ("request parameter 'name' read", "passed to helper(String) as s",
 *                "concatenated into the query", "executed as SQL")
 */
public record TraceStep(String kind, String file, Region region, String snippet, String note) {
}
