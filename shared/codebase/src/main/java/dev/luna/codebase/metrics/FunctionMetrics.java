package dev.luna.codebase.metrics;

/**
 * One function or method.
 *
 * @param name       its name; {@code <anonymous>} for an unnamed function expression (JavaScript callbacks, Go literals)
 * @param startLine  1-based line of its header
 * @param endLine    1-based line where its body ends
 * @param complexity McCabe cyclomatic complexity: 1 + its decision points (nested functions count their own)
 */
public record FunctionMetrics(String name, int startLine, int endLine, int complexity) {
    /** Its length in lines, header to end. */
    public int lines() {
        return endLine - startLine + 1;
    }
}
