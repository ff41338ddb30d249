package dev.luna.codebase.metrics;

import java.util.Set;

/**
 * How a language is lexed and measured: its comment and string syntax, the tokens that are McCabe decision points,
 * and how functions are recognised. Data, one record per language (see {@link Languages}).
 *
 * @param code             false for data and prose (YAML, JSON, XML, Markdown): counted, never given functions
 * @param lineComment      starts a comment to the end of the line, or null
 * @param hashComment      {@code #} also starts a line comment (PHP; the script family always)
 * @param blockComment     C-style block comments
 * @param nestedComments   block comments nest (Kotlin, Scala, Swift, Rust)
 * @param singleQuotes     {@code '…'} is a string (else a character literal, or code such as a Rust lifetime)
 * @param backticks        {@code `…`} is a multi-line string (JS template literal, Go raw string, shell command)
 * @param tripleQuotes     {@code """…"""} (and in Python {@code '''…'''}) multi-line strings
 * @param regexLiterals    {@code /…/} regular-expression literals (JavaScript family)
 * @param decisionWords    keywords that add one to cyclomatic complexity
 * @param decisionOps      operators that do ({@code &&}, {@code ||}, {@code ??}, {@code ?:}); a spaced ternary
 *                         {@code ?} always does in the C-like and Ruby families
 * @param functionKeywords words that introduce a function ({@code fun}, {@code func}, {@code fn}, {@code def},
 *                         {@code function})
 * @param keywordRequired  only a header with a function keyword is a function (else {@code name(…) {} } is too)
 * @param arrowFunctions   {@code (…) => {} } is a function (JavaScript/TypeScript)
 * @param caseArrowBlocks  blocks whose arms are decision points ({@code when} in Kotlin, {@code match} in Rust)
 * @param caseArrow        the arm operator in those blocks ({@code ->} or {@code =>})
 */
record LanguageSpec(String name, Family family, boolean code, String lineComment, boolean hashComment, boolean blockComment,
                    boolean nestedComments, boolean singleQuotes, boolean backticks, boolean tripleQuotes, boolean regexLiterals,
                    Set<String> decisionWords, Set<String> decisionOps, Set<String> functionKeywords, boolean keywordRequired,
                    boolean arrowFunctions, Set<String> caseArrowBlocks, String caseArrow) {

    enum Family { C_LIKE, PYTHON, RUBY, SHELL, DATA }
}
