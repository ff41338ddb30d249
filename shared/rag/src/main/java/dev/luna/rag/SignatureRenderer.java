package dev.luna.rag;

import java.util.regex.Pattern;

/**
 * Signature-only renderings of code contexts for {@link TokenOptimizer}: declarations without bodies, the first
 * sentence of their documentation kept as a comment, long string literals shortened.
 */
final class SignatureRenderer {
    private SignatureRenderer() {
    }

    private static final Pattern CONTAINER = Pattern.compile(".*\\b(class|interface|enum|record|struct|protocol|trait|impl|object|extension)\\b.*");
    private static final Pattern PY_DECL = Pattern.compile("^\\s*(?:async\\s+)?(?:def|class)\\s+.*|^\\s*@.*");
    /** String literals longer than this are shortened in signature-only renderings. */
    static final int LONG_LITERAL = 48;

    /**
     * Declarations without bodies: brace blocks below the declaration level become {@code { … }} (Python: the
     * {@code def}/{@code class} headers, each followed by {@code ...}); long string literals that stay are shortened.
     * Braces and quotes inside literals and comments do not count.
     */
    static String signatures(String code, String language) {
        byte[] classes = CodeLexer.classify(code, language);
        if (language.equals("python")) {
            var sb = new StringBuilder();
            int offset = 0;
            boolean header = false;
            for (String line : code.split("\n", -1)) {
                boolean inString = offset > 0 && classes[offset - 1] == CodeLexer.STRING;
                offset += line.length() + 1;
                if (inString) continue;
                String t = line.strip();
                if (!header && t.startsWith("@")) {
                    sb.append(shortenLiterals(line.stripTrailing(), language)).append('\n');
                } else if (header || PY_DECL.matcher(line).matches()) {
                    header = !t.endsWith(":");
                    sb.append(shortenLiterals(line.stripTrailing(), language)).append(header ? "\n" : " ...\n");
                }
            }
            return sb.length() == 0 ? code : sb.toString().stripTrailing();
        }
        int firstOpen = -1;
        for (int i = 0; i < code.length(); i++) {
            if (code.charAt(i) == '{' && classes[i] == CodeLexer.CODE) {
                firstOpen = i;
                break;
            }
        }
        String before = firstOpen < 0 ? code : code.substring(0, firstOpen);
        String declLine = before.substring(before.lastIndexOf('\n') + 1);
        int keepDepth = CONTAINER.matcher(declLine).matches() ? 1 : 0;
        var sb = new StringBuilder();
        var literal = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (classes[i] != CodeLexer.CODE) {
                if (depth <= keepDepth) literal.append(c);
                continue;
            }
            if (literal.length() > 0) {
                sb.append(shorten(literal.toString()));
                literal.setLength(0);
            }
            if (c == '{') {
                depth++;
                if (depth == keepDepth + 1) sb.append("{ … }");
                else if (depth <= keepDepth) sb.append(c);
                continue;
            }
            if (c == '}') {
                depth = Math.max(0, depth - 1);
                if (depth < keepDepth) sb.append(c);
                continue;
            }
            if (depth <= keepDepth) sb.append(c);
        }
        if (literal.length() > 0) sb.append(shorten(literal.toString()));
        return WhitespaceReducer.whitespace(sb.toString(), language);
    }

    private static String shortenLiterals(String line, String language) {
        byte[] classes = CodeLexer.classify(line, language);
        var sb = new StringBuilder();
        int i = 0;
        while (i < line.length()) {
            int end = i;
            while (end < line.length() && classes[end] == classes[i]) end++;
            String part = line.substring(i, end);
            sb.append(classes[i] == CodeLexer.STRING ? shorten(part) : part);
            i = end;
        }
        return sb.toString();
    }

    /** A single-line quoted literal longer than {@link #LONG_LITERAL}, cut in the middle: {@code "abc…"} (comments pass through). */
    private static String shorten(String literal) {
        if (literal.length() <= LONG_LITERAL || literal.indexOf('\n') >= 0) return literal;
        char q = literal.charAt(0);
        if ((q != '"' && q != '\'' && q != '`') || literal.charAt(literal.length() - 1) != q) return literal;
        int cut = LONG_LITERAL - 8;
        if (literal.charAt(cut - 1) == '\\') cut--;
        return literal.substring(0, cut) + "…" + q;
    }

    private static final Pattern DOC_TAG = Pattern.compile("\\{@(?:code|literal|link|linkplain)\\s+([^}]*)}");

    /**
     * The first sentence of the first documentation comment ({@code /**}, {@code ///}) or Python docstring of a code
     * snippet, as plain text, or null.
     */
    static String docSummary(String code, String language) {
        byte[] classes = CodeLexer.classify(code, language);
        String text = null;
        for (int i = 0; i < code.length(); ) {
            int end = i;
            while (end < code.length() && classes[end] == classes[i]) end++;
            String part = code.substring(i, end);
            if (classes[i] == CodeLexer.COMMENT && (part.startsWith("/**") || part.startsWith("///"))) {
                text = part.replaceAll("^/\\*\\*|\\*/$", "").replaceAll("(?m)^\\s*(?:\\*|///?)\\s?", " ");
                break;
            }
            if (language.equals("python") && classes[i] == CodeLexer.STRING && (part.startsWith("\"\"\"") || part.startsWith("'''"))) {
                text = part.substring(3, Math.max(3, part.length() - 3));
                break;
            }
            i = end;
        }
        if (text == null) return null;
        text = DOC_TAG.matcher(text).replaceAll("$1").replaceAll("<[^>]+>", " ");
        int tag = text.indexOf(" @");
        if (tag >= 0) text = text.substring(0, tag);
        text = text.replaceAll("\\s+", " ").strip();
        int dot = text.indexOf(". ");
        if (dot > 0) text = text.substring(0, dot + 1);
        if (text.length() > 160) text = text.substring(0, 157) + "…";
        return text.isEmpty() ? null : text;
    }

    /** Signature-only rendering of a code context: its documentation's first sentence as a comment, then the declarations. */
    static String signatureOnly(String original, String current, String language) {
        String sig = signatures(current, language);
        String summary = docSummary(original, language);
        if (summary == null || sig.contains(summary)) return sig;
        String prefix = language.equals("python") ? "# " : "// ";
        return prefix + summary + "\n" + sig;
    }
}
