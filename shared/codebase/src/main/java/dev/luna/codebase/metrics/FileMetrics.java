package dev.luna.codebase.metrics;

import java.util.List;

/**
 * The measures of one file. A line holding any code (string literals included) is a code line, even with a comment
 * beside it; a line holding only comment is a comment line; a line holding only whitespace is blank.
 *
 * @param language     {@code java}, {@code kotlin}, {@code python}, {@code yaml}…
 * @param code         false for data and prose (YAML, JSON, XML, Markdown), whose non-blank lines count as code lines
 * @param commentRatio comment lines / (code lines + comment lines), 0 when both are 0, rounded to 3 decimals
 * @param functions    sorted by start line, then name
 */
public record FileMetrics(String path, String language, boolean code, int lines, int codeLines, int commentLines, int blankLines,
                          double commentRatio, List<FunctionMetrics> functions) {
    public FileMetrics {
        functions = List.copyOf(functions);
    }
}
