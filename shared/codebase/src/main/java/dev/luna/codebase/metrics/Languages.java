package dev.luna.codebase.metrics;

import static dev.luna.codebase.metrics.LanguageSpec.Family.C_LIKE;
import static dev.luna.codebase.metrics.LanguageSpec.Family.DATA;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The languages measured, by file extension (and a few file names). */
final class Languages {
    private static final Set<String> LOGIC = Set.of("&&", "||");
    private static final Map<String, LanguageSpec> BY_EXTENSION = new HashMap<>();
    private static final Map<String, LanguageSpec> BY_NAME = new HashMap<>();

    static {
        var cWords = Set.of("if", "for", "while", "case", "catch");
        c("java", cWords, LOGIC, Set.of(), false, false, false, false, "java");
        c("kotlin", Set.of("if", "for", "while", "catch"), Set.of("&&", "||", "?:"), Set.of("fun", "constructor"), true, false, true,
                false, "kt", "kts");
        c("scala", cWords, LOGIC, Set.of("def"), true, false, true, false, "scala", "sc");
        c("csharp", Set.of("if", "for", "foreach", "while", "case", "catch"), Set.of("&&", "||", "??"), Set.of(), false, false, false,
                false, "cs");
        c("c", cWords, LOGIC, Set.of(), false, false, false, false, "c", "h");
        c("cpp", cWords, LOGIC, Set.of(), false, false, false, false, "cpp", "cc", "cxx", "hpp", "hh", "hxx");
        c("go", Set.of("if", "for", "case"), LOGIC, Set.of("func"), true, false, false, true, "go");
        c("rust", Set.of("if", "for", "while"), LOGIC, Set.of("fn"), true, false, true, false, "rs");
        c("swift", Set.of("if", "for", "while", "case", "catch", "guard"), Set.of("&&", "||", "??"),
                Set.of("func", "init", "deinit", "subscript"), true, false, true, false, "swift");
        var js = Set.of("if", "for", "while", "case", "catch");
        var jsOps = Set.of("&&", "||", "??");
        c("javascript", js, jsOps, Set.of("function"), false, true, false, true, "js", "jsx", "mjs", "cjs");
        c("typescript", js, jsOps, Set.of("function"), false, true, false, true, "ts", "tsx", "mts", "cts");
        c("php", Set.of("if", "elseif", "for", "foreach", "while", "case", "catch"), Set.of("&&", "||", "??", "and", "or"),
                Set.of("function"), true, false, false, false, "php");
        put(new LanguageSpec("python", LanguageSpec.Family.PYTHON, true, "#", true, false, false, true, false, true, false,
                Set.of("if", "elif", "for", "while", "except", "and", "or", "case"), Set.of(), Set.of("def"), true, false, Set.of(), null),
                "py", "pyi");
        put(new LanguageSpec("ruby", LanguageSpec.Family.RUBY, true, "#", true, false, false, true, true, false, false,
                Set.of("if", "elsif", "unless", "while", "until", "for", "when", "rescue", "and", "or"), LOGIC, Set.of("def"), true,
                false, Set.of(), null), "rb", "rake", "gemspec");
        put(new LanguageSpec("shell", LanguageSpec.Family.SHELL, true, "#", true, false, false, true, true, false, false,
                Set.of("if", "elif", "while", "until", "for"), Set.of("&&", "||", ";;"), Set.of("function"), false, false, Set.of(), null),
                "sh", "bash", "zsh", "ksh");
        data("yaml", "#", false, "yml", "yaml");
        data("json", null, false, "json");
        data("xml", null, true, "xml", "xsd", "xsl", "pom", "svg", "html", "htm");
        data("markdown", null, true, "md", "markdown");
        BY_NAME.put("Rakefile", BY_EXTENSION.get("rb"));
        BY_NAME.put("Gemfile", BY_EXTENSION.get("rb"));
    }

    private Languages() {
    }

    /** The spec for a path, or null when it is not a language we measure. */
    static LanguageSpec of(String path) {
        int slash = path.lastIndexOf('/');
        String name = path.substring(slash + 1);
        LanguageSpec byName = BY_NAME.get(name);
        if (byName != null) return byName;
        int dot = name.lastIndexOf('.');
        if (dot <= 0 && !name.startsWith(".")) return null;
        return BY_EXTENSION.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static void c(String name, Set<String> words, Set<String> ops, Set<String> fnKeywords, boolean keywordRequired,
                          boolean js, boolean nested, boolean backticks, String... extensions) {
        boolean singleQuotes = js || name.equals("php");
        Set<String> caseBlocks = switch (name) {
            case "kotlin" -> Set.of("when");
            case "rust" -> Set.of("match");
            case "csharp" -> Set.of("switch");
            default -> Set.of();
        };
        String arrow = name.equals("kotlin") ? "->" : caseBlocks.isEmpty() ? null : "=>";
        boolean triple = Set.of("java", "kotlin", "scala", "swift").contains(name);
        put(new LanguageSpec(name, C_LIKE, true, "//", name.equals("php"), true, nested, singleQuotes, backticks, triple, js, words, ops,
                fnKeywords, keywordRequired, js, caseBlocks, arrow), extensions);
    }

    private static void data(String name, String lineComment, boolean xmlComments, String... extensions) {
        put(new LanguageSpec(name, DATA, false, lineComment, false, xmlComments, false, true, false, false, false, Set.of(), Set.of(),
                Set.of(), true, false, Set.of(), null), extensions);
    }

    private static void put(LanguageSpec spec, String... extensions) {
        for (String e : extensions) BY_EXTENSION.put(e, spec);
    }
}
