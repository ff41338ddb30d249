package dev.luna.codebase.imports;

/**
 * A JavaScript/TypeScript token.
 *
 * @param kind  {@code IDENT} (identifiers and keywords), {@code STRING} (value unquoted, simple escapes applied),
 *              {@code TEMPLATE} (a template literal without substitutions: its text; with substitutions: the text
 *              up to the first one), {@code NUMBER}, {@code REGEX}, {@code PUNCT}
 * @param text  the identifier, the string value, or the punctuator
 * @param start offset in the source
 * @param line  1-based line
 */
record JsToken(Kind kind, String text, int start, int line) {
    enum Kind { IDENT, STRING, TEMPLATE, NUMBER, REGEX, PUNCT }

    boolean is(String punctOrIdent) {
        return (kind == Kind.PUNCT || kind == Kind.IDENT) && text.equals(punctOrIdent);
    }

    boolean isString() {
        return kind == Kind.STRING || kind == Kind.TEMPLATE && !text.contains("${");
    }
}
