package dev.luna.workers.aiintegration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.toolchains.Toolchains;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.engine.discovery.DiscoverySelectors;

/** The target ecosystems' own tools on a patched fixture: javac and JUnit, tsc, python3. */
final class Toolchecks {
    private Toolchecks() {
    }

    /** Compiles every Java file of the project with the JDK running the tests (JUnit from the test classpath). */
    static Path javac(Path project) throws IOException {
        Path out = Files.createDirectories(project.resolveSibling(project.getFileName() + "-classes"));
        List<String> sources;
        try (Stream<Path> s = Files.walk(project)) {
            sources = s.filter(p -> p.toString().endsWith(".java") && !p.toString().contains("/.git/")).map(Path::toString).sorted().toList();
        }
        var args = new ArrayList<>(List.of("-d", out.toString(), "-proc:none", "-encoding", "UTF-8", "-cp", System.getProperty("java.class.path")));
        args.addAll(sources);
        var err = new java.io.ByteArrayOutputStream();
        int exit = ToolProvider.getSystemJavaCompiler().run(null, null, err, args.toArray(String[]::new));
        assertThat(exit).as("javac: %s", err.toString(StandardCharsets.UTF_8)).isZero();
        return out;
    }

    /** Runs a compiled JUnit 5 test class with the JUnit Platform launcher; returns how many tests passed. */
    static long junit(Path classes, Path resources, String testClass) throws Exception {
        try (var loader = new URLClassLoader(new URL[] {classes.toUri().toURL(), resources.toUri().toURL()}, Toolchecks.class.getClassLoader())) {
            var listener = new SummaryGeneratingListener();
            var request = LauncherDiscoveryRequestBuilder.request().selectors(DiscoverySelectors.selectClass(loader.loadClass(testClass))).build();
            Thread current = Thread.currentThread();
            ClassLoader before = current.getContextClassLoader();
            current.setContextClassLoader(loader);
            try {
                LauncherFactory.create().execute(request, listener);
            } finally {
                current.setContextClassLoader(before);
            }
            var summary = listener.getSummary();
            var failures = new StringBuilder();
            summary.getFailures().forEach(f -> failures.append(f.getTestIdentifier().getDisplayName()).append(": ").append(f.getException()).append('\n'));
            assertThat(summary.getTotalFailureCount()).as("generated test failures:\n%s", failures).isZero();
            return summary.getTestsSucceededCount();
        }
    }

    /** tsc --noEmit over the given files with the fixture's strict settings and @types/node; the problems. */
    static List<String> tsc(Path dir, List<Path> files, String module) throws IOException {
        Files.createDirectories(dir);
        var list = files.stream().map(p -> "\"" + p.toAbsolutePath().toString().replace("\\", "/") + "\"").toList();
        Files.writeString(dir.resolve("tsconfig.json"), """
                {"compilerOptions": {"target": "ES2022", "module": "%s", "moduleResolution": "%s", "strict": true, "noEmit": true,
                  "types": ["node"], "skipLibCheck": true, "noUnusedLocals": true},
                 "files": [%s]}
                """.formatted(module, module.equals("nodenext") ? "nodenext" : "node10", String.join(", ", list)));
        return Toolchains.typescript(dir);
    }

    /**
     * Runs a generated node:test file with the toolchain's Node 22 (its TypeScript transform, no build step): the files are
     * copied under {@code cwd/.node-test/} with relative imports pointing at the .ts files, and run from {@code cwd} (where
     * the client finds its prompts and schemas).
     */
    static Proc nodeTest(Path cwd, List<String> tsFiles, String testFile) throws IOException, InterruptedException {
        Path copy = cwd.resolve(".node-test");
        for (String f : tsFiles) {
            Path target = copy.resolve(f);
            Files.createDirectories(target.getParent());
            Files.writeString(target, Files.readString(cwd.resolve(f)).replaceAll("from \"(\\./\\w+)(\\.js)?\"", "from \"$1.ts\""));
        }
        return run(cwd, Toolchains.node().toString(), "--experimental-transform-types", "--no-warnings", "--test",
                copy.resolve(testFile).toString());
    }

    record Proc(int exit, String output) {
    }

    /** Runs a command in dir with python3 (or any tool), merged output. */
    static Proc run(Path dir, String... command) throws IOException, InterruptedException {
        var pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().remove("LUNA_BASE_URL");
        pb.environment().remove("LUNA_API_KEY");
        var p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + String.join(" ", command));
        }
        return new Proc(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    static String python() {
        for (String candidate : List.of("python3", "/usr/bin/python3")) {
            try {
                if (run(Path.of("."), candidate, "--version").exit() == 0) return candidate;
            } catch (IOException | InterruptedException e) {
                // try the next
            }
        }
        throw new AssertionError("python3 is needed by this test (scripts/test installs it)");
    }

    static List<Path> under(Path root, String suffix) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(suffix) && !p.toString().contains(File.separator + ".git" + File.separator)).sorted().toList();
        }
    }
}
