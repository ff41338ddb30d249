package dev.luna.toolchains;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Expo checks name what is wrong in a broken app: a dependency range Expo SDK 57 does not bundle, a lockfile that is
 * not the pinned set, a route file without a default export, a type error, a failing jest test; and a minimal app
 * built from the pinned set passes them all.
 */
class ExpoChecksTest {
    @TempDir
    Path dir;

    private Path app(String name, String packageJson, String lock) throws Exception {
        var app = dir.resolve(name);
        Files.createDirectories(app.resolve("app"));
        Files.createDirectories(app.resolve("src/__tests__"));
        Files.writeString(app.resolve("package.json"), packageJson);
        Files.writeString(app.resolve("package-lock.json"), lock);
        Files.writeString(app.resolve("tsconfig.json"), "{\"extends\": \"expo/tsconfig.base\", \"compilerOptions\": {\"strict\": true, \"types\": [\"jest\"]}}\n");
        Files.writeString(app.resolve("babel.config.js"), "module.exports = function (api) { api.cache(true); return { presets: ['babel-preset-expo'] }; };\n");
        Files.writeString(app.resolve("app.json"), "{\"expo\": {\"name\": \"t\", \"slug\": \"t\"}}\n");
        Files.writeString(app.resolve("app/index.tsx"), "import { Text } from 'react-native';\n\nexport default function Index() {\n  return <Text>Hi</Text>;\n}\n");
        Files.writeString(app.resolve("src/sum.ts"), "export const sum = (a: number, b: number): number => a + b;\n");
        Files.writeString(app.resolve("src/__tests__/sum.test.ts"), "import { sum } from '../sum';\n\nit('adds', () => expect(sum(1, 2)).toBe(3));\n");
        return app;
    }

    private static String pinned(String file) throws Exception {
        return Files.readString(NodeToolchain.locate("expo").resolve(file));
    }

    @Test
    void aMinimalAppOfThePinnedSetPasses() throws Exception {
        var report = ExpoChecks.app(app("good", pinned("package.json"), pinned("package-lock.json")));
        assertThat(report.problems()).isEmpty();
        assertThat(report.millis()).containsKeys("expo-check", "dependencies", "tsc", "expo-config", "jest");
    }

    @Test
    void aBrokenAppIsNamedProblemByProblem() throws Exception {
        String pkg = pinned("package.json").replace("\"expo-router\": \"57.0.24\"", "\"expo-router\": \"^55.0.0\"");
        String lock = pinned("package-lock.json").replace("\"node_modules/expo-status-bar\": {\n      \"version\": \"57.0.1\"",
                "\"node_modules/expo-status-bar\": {\n      \"version\": \"57.0.0\"");
        assertThat(lock).isNotEqualTo(pinned("package-lock.json"));
        var app = app("bad", pkg, lock);
        Files.writeString(app.resolve("app/about.tsx"), "export function About() {\n  return null;\n}\n");
        var report = ExpoChecks.app(app);
        assertThat(String.join("\n", report.problems()))
                .contains("package.json: expo-router@^55.0.0 is not what Expo SDK 57.0.26 expects (~57.0.24)")
                .contains("package-lock.json: node_modules/expo-status-bar@57.0.0, the pinned toolchain has 57.0.1")
                .contains("app/about.tsx:1: route file without a default export");
    }

    @Test
    void aTypeErrorAndAFailingTestAreProblems() throws Exception {
        var app = app("typed", pinned("package.json"), pinned("package-lock.json"));
        Files.writeString(app.resolve("src/sum.ts"), "export const sum = (a: number, b: number): string => a + b;\n");
        Files.writeString(app.resolve("src/__tests__/sum.test.ts"), "import { sum } from '../sum';\n\nit('adds', () => expect(sum(1, 2)).toBe(4));\n");
        var report = ExpoChecks.app(app);
        var problems = String.join("\n", report.problems());
        assertThat(problems).contains("src/sum.ts(1,").contains("error TS2322").contains("jest failed");
    }
}
