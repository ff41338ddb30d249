package dev.luna.workers.aiintegration.gen;

import dev.luna.codebase.ProjectModel;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The language the integration is written in: the option, or with {@code auto} the dominant of Java, TypeScript and
 * Python by lines of code. JavaScript counts for TypeScript only in a Node project (a package.json, tsconfig.json or
 * deno.json exists); vendored and minified scripts and web assets under {@code src/main/resources} never count.
 *
 * @param language {@code java}, {@code typescript} or {@code python}
 * @param reason   why, in words for the report
 */
public record Target(String language, String reason) {
    private static final Map<String, String> LANGUAGES = Map.of("Java", "java", "Kotlin", "java", "TypeScript", "typescript",
            "JavaScript", "javascript", "Python", "python");
    private static final Pattern NOT_CODE = Pattern.compile("(^|/)(node_modules|vendor|vendors|libs?|webjars|dist|build|target)/|\\.min\\.js$|"
            + "(^|/)src/main/resources/");
    private static final Pattern NODE_MANIFEST = Pattern.compile("(^|/)(package\\.json|tsconfig\\.json|deno\\.jsonc?)$");

    public static Target choose(String option, ProjectModel model) {
        if (option != null && !option.equals("auto")) return new Target(option, "asked for in options.language");
        boolean node = model.files().stream().anyMatch(f -> NODE_MANIFEST.matcher(f.path()).find());
        long java = 0, ts = 0, py = 0;
        for (var f : model.files()) {
            String l = f.language() == null ? null : LANGUAGES.get(f.language());
            if (l == null || NOT_CODE.matcher(f.path()).find()) continue;
            switch (l) {
                case "java" -> java += f.lines();
                case "typescript" -> ts += f.lines();
                case "javascript" -> ts += node ? f.lines() : 0;
                default -> py += f.lines();
            }
        }
        if (java == 0 && ts == 0 && py == 0) return new Target("python", "no Java, TypeScript, JavaScript or Python code was found; Python is the default");
        String lang = java >= ts && java >= py ? "java" : ts >= py ? "typescript" : "python";
        return new Target(lang, "the dominant language by lines of application code: Java/Kotlin " + java + ", TypeScript/JavaScript " + ts
                + (node ? "" : " (no Node project: scripts are web assets)") + ", Python " + py);
    }
}
