package dev.luna.codebase.architecture;

import dev.luna.codebase.lang.SourceFile;
import java.util.Set;
import java.util.regex.Pattern;

/** Which analysed files make up the architecture: program sources, not tests, build output or vendored code. */
final class SourceScope {
    private static final Set<String> PROGRAM = Set.of("Java", "Kotlin", "Scala", "Groovy", "JavaScript", "TypeScript", "Python", "Go",
            "Swift", "Ruby", "PHP", "C#", "Rust", "Vue", "Svelte", "Astro", "Dart", "Elixir", "Clojure");
    private static final Pattern TEST = Pattern.compile("(^|/)(test|tests|__tests__|__mocks__|spec|specs|e2e|testing|fixtures?)/"
            + "|(Test|Tests|IT|Spec)\\.(java|kt|groovy|scala)$|\\.(test|spec)\\.[cm]?[jt]sx?$|(^|/)test_[^/]*\\.py$|_test\\.(py|go)$|(^|/)conftest\\.py$");
    private static final Pattern OUTSIDE = Pattern.compile("(^|/)(node_modules|target|build|dist|out|vendor|\\.venv|venv|\\.next|\\.gradle|"
            + "\\.mvn|coverage|generated|generated-sources)/|(^|/)(build|settings)\\.gradle(\\.kts)?$|(^|/)(gradlew|mvnw)$|(^|/)[^/]*\\.config\\.[cm]?[jt]s$");

    private SourceScope() {
    }

    static boolean program(SourceFile f) {
        return f.language() != null && PROGRAM.contains(f.language()) && !TEST.matcher(f.path()).find() && !OUTSIDE.matcher(f.path()).find()
                && !f.path().endsWith(".d.ts") && !f.path().endsWith("package-info.java") && !f.path().endsWith("module-info.java");
    }

    static boolean test(String path) {
        return TEST.matcher(path).find();
    }
}
