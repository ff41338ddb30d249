package dev.luna.rag;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Language of a file by its name. */
public final class Languages {
    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("java", "java"), Map.entry("kt", "kotlin"), Map.entry("kts", "kotlin"),
            Map.entry("js", "javascript"), Map.entry("mjs", "javascript"), Map.entry("cjs", "javascript"), Map.entry("jsx", "javascript"),
            Map.entry("ts", "typescript"), Map.entry("tsx", "typescript"), Map.entry("mts", "typescript"),
            Map.entry("py", "python"), Map.entry("go", "go"), Map.entry("swift", "swift"),
            Map.entry("md", "markdown"), Map.entry("markdown", "markdown"),
            Map.entry("json", "json"), Map.entry("yaml", "yaml"), Map.entry("yml", "yaml"), Map.entry("toml", "toml"),
            Map.entry("properties", "properties"), Map.entry("tf", "hcl"), Map.entry("xml", "xml"), Map.entry("gradle", "groovy"),
            Map.entry("sh", "shell"), Map.entry("sql", "sql"), Map.entry("html", "html"), Map.entry("css", "css"),
            Map.entry("c", "c"), Map.entry("h", "c"), Map.entry("cpp", "cpp"), Map.entry("rs", "rust"), Map.entry("rb", "ruby"),
            Map.entry("txt", "text"), Map.entry("rst", "text"), Map.entry("csv", "text"));
    static final Set<String> CODE = Set.of("java", "kotlin", "javascript", "typescript", "python", "go", "swift", "c", "cpp", "rust", "groovy");
    static final Set<String> CONFIG = Set.of("json", "yaml", "toml", "properties");
    /** Languages whose comments are C-like ({@code //} and {@code /* *}{@code /}). */
    static final Set<String> C_COMMENTS = Set.of("java", "kotlin", "javascript", "typescript", "go", "swift", "c", "cpp", "rust", "groovy");

    private Languages() {
    }

    public static String of(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (name.equals("Dockerfile") || name.equals("Makefile")) return "text";
        int dot = name.lastIndexOf('.');
        if (dot < 0) return "text";
        return BY_EXTENSION.getOrDefault(name.substring(dot + 1).toLowerCase(Locale.ROOT), "text");
    }

    public static boolean isCode(String language) {
        return CODE.contains(language);
    }
}
