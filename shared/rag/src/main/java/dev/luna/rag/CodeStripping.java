package dev.luna.rag;

import java.util.regex.Pattern;

/**
 * The comments and imports steps of {@link TokenOptimizer}: comments outside string literals go (compiler
 * directives stay), and import, package and require lines go. Literals are found by {@link CodeLexer}.
 */
final class CodeStripping {
    private CodeStripping() {
    }

    private static final Pattern IMPORT_LINE = Pattern.compile(
            "^\\s*(?:import\\s+(?:static\\s+)?[\\w.*]+\\s*;?|package\\s+[\\w.]+\\s*;?|import\\s+.*\\s+from\\s+['\"].*['\"];?"
                    + "|import\\s+['\"].*['\"];?|from\\s+[\\w.]+\\s+import\\s+.*|import\\s+[\\w.]+(?:\\s+as\\s+\\w+)?(?:\\s*,\\s*[\\w.]+(?:\\s+as\\s+\\w+)?)*"
                    + "|(?:const|let|var)\\s+.*=\\s*require\\(.*\\);?)\\s*$");

    /** Drops import, package and require lines (and Go import blocks). */
    static String stripImports(String code, String language) {
        var out = new StringBuilder();
        boolean goBlock = false;
        boolean removedAny = false;
        for (String line : code.split("\n", -1)) {
            String t = line.strip();
            if (goBlock) {
                removedAny = true;
                if (t.equals(")")) goBlock = false;
                continue;
            }
            if (language.equals("go") && t.equals("import (")) {
                goBlock = true;
                removedAny = true;
                continue;
            }
            if (IMPORT_LINE.matcher(line).matches() && !(language.equals("go") && t.startsWith("package "))) {
                removedAny = true;
                continue;
            }
            if (out.length() > 0) out.append('\n');
            out.append(line);
        }
        return removedAny ? WhitespaceReducer.whitespace(out.toString(), language) : code;
    }

    /** Comments that carry meaning for a compiler or an interpreter and are therefore kept. */
    private static final Pattern DIRECTIVE = Pattern.compile("//go:\\S.*|//\\s*\\+build\\b.*|#!.*|#.*-\\*-\\s*coding[:=].*|#\\s*type:.*");

    /**
     * Removes comments outside string literals (Python docstrings are strings and stay), except compiler directives
     * ({@code //go:embed}, build constraints, shebang, encoding and type comments). Lines left empty by a removed comment
     * go; lines that were empty before stay.
     */
    static String stripComments(String code, String language) {
        if (code.indexOf(REMOVED) >= 0) return code;
        byte[] classes = CodeLexer.classify(code, language);
        var sb = new StringBuilder(code.length());
        int n = code.length();
        for (int i = 0; i < n; ) {
            if (classes[i] != CodeLexer.COMMENT) {
                sb.append(code.charAt(i++));
                continue;
            }
            int end = i;
            while (end < n && classes[end] == CodeLexer.COMMENT) end++;
            String comment = code.substring(i, end);
            if (DIRECTIVE.matcher(comment).matches()) {
                sb.append(comment);
            } else {
                sb.append(REMOVED);
                for (int k = 0; k < comment.length(); k++) if (comment.charAt(k) == '\n') sb.append('\n').append(REMOVED);
            }
            i = end;
        }
        // drop lines left empty by removed comments, keep lines that were empty before (and every line of a literal)
        var out = new StringBuilder();
        for (String line : sb.toString().split("\n", -1)) {
            boolean hadComment = line.indexOf(REMOVED) >= 0;
            String clean = hadComment ? line.replace(String.valueOf(REMOVED), "") : line;
            if (hadComment && clean.isBlank()) continue;
            if (out.length() > 0) out.append('\n');
            out.append(clean);
        }
        return out.toString();
    }

    private static final char REMOVED = '\u0000';
}
