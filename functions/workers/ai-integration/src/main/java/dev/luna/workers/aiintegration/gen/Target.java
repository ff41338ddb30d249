package dev.luna.workers.aiintegration.gen;

import dev.luna.codebase.ProjectModel;
import java.util.Map;

/**
 * The language the integration is written in: the option, or with {@code auto} the dominant of Java, TypeScript
 * (JavaScript counts: a Node project) and Python by lines of code.
 *
 * @param language {@code java}, {@code typescript} or {@code python}
 * @param reason   why, in words for the report
 */
public record Target(String language, String reason) {
    private static final Map<String, String> LANGUAGES = Map.of("Java", "java", "Kotlin", "java", "TypeScript", "typescript",
            "JavaScript", "typescript", "Python", "python");

    public static Target choose(String option, ProjectModel model) {
        if (option != null && !option.equals("auto")) return new Target(option, "asked for in options.language");
        long java = 0, ts = 0, py = 0;
        for (var t : model.languages()) {
            String l = LANGUAGES.get(t.language());
            if (l == null) continue;
            switch (l) {
                case "java" -> java += t.lines();
                case "typescript" -> ts += t.lines();
                default -> py += t.lines();
            }
        }
        if (java == 0 && ts == 0 && py == 0) return new Target("python", "no Java, TypeScript, JavaScript or Python code was found; Python is the default");
        String lang = java >= ts && java >= py ? "java" : ts >= py ? "typescript" : "python";
        return new Target(lang, "the dominant language by lines: Java/Kotlin " + java + ", TypeScript/JavaScript " + ts + ", Python " + py);
    }
}
