package dev.luna.workers.codeanalysis.findings;

/**
 * Where in a file, 1-based as SARIF counts: {@code endColumn} is the column just after the last character
 * (SARIF 2.1.0 §3.30.8). A whole-line region has {@code startColumn} 1 and {@code endColumn} one past the line's
 * length; use {@link #line} when only the line is known.
 */
public record Region(int startLine, int startColumn, int endLine, int endColumn) {
    public Region {
        if (startLine < 1 || endLine < startLine) throw new IllegalArgumentException("bad lines " + startLine + "-" + endLine);
        if (startColumn < 1) startColumn = 1;
        if (endColumn < 1) endColumn = 1;
        if (endLine == startLine && endColumn < startColumn) endColumn = startColumn;
    }

    /** A region covering line {@code line} when its columns are not known. */
    public static Region line(int line) {
        return new Region(line, 1, line, 1);
    }
}
