package dev.luna.tools;

import dev.luna.catalog.Catalog;
import dev.luna.core.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * {@code scripts/package}: one Lambda deployment zip per function module of the catalog, in the layout the Java
 * runtime accepts ({@code lib/*.jar}), holding the module's jar and its runtime dependencies only, plus an AppCDS
 * archive ({@code cds/luna.jsa}) made by a training run that invokes every function of the module with its sample
 * events against the embedded stand-ins. Writes {@code artifacts/<artifact>.zip} and, beside it, the exploded
 * directory {@code artifacts/<artifact>/} (what Lambda sees as /var/task), which {@code scripts/invoke} runs.
 *
 * <pre>Packager [--no-cds] [--output DIR] [module...]</pre>
 */
public final class Packager {
    /** Every packaged file gets this modification time: reproducible zips, and the jar times CDS validates stay put. */
    static final FileTime FIXED_TIME = FileTime.from(Instant.parse("2000-01-01T00:00:00Z"));
    /** Jars that must never be in a function package: the local stand-ins, test libraries, unused HTTP clients. */
    static final Pattern FORBIDDEN = Pattern.compile(
            "^(luna-emulators|luna-local|luna-tools|luna-bench|s3proxy|elasticmq|pekko|jetty|jclouds|junit|assertj|mockito|"
                    + "opentest4j|netty|apache-client|apache5-client|httpclient5|hamcrest)[-_.].*");
    /** Jars a function package cannot work without. */
    static final List<String> REQUIRED = List.of("spring-cloud-function-adapter-aws-", "aws-lambda-java-core-", "luna-http-");

    private Packager() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("luna.root", ".")).toAbsolutePath().normalize();
        Path output = root.resolve("artifacts");
        boolean cds = true;
        var only = new ArrayList<String>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--no-cds" -> cds = false;
                case "--output" -> output = Path.of(args[++i]).toAbsolutePath();
                default -> only.add(args[i]);
            }
        }
        var catalog = Catalog.load();
        for (String m : only) {
            if (!catalog.modules().containsKey(m)) throw new IllegalArgumentException("no module '" + m + "' in the catalog (modules: " + catalog.modules().keySet() + ")");
        }
        Files.createDirectories(output);
        Path launcher = launcher(output);
        var reports = new ArrayList<String>();
        try (Sandbox sandbox = cds ? Sandbox.start() : null) {
            for (var e : catalog.modules().entrySet()) {
                if (!only.isEmpty() && !only.contains(e.getKey())) continue;
                reports.add(packageModule(root, output, catalog, e.getKey(), e.getValue(), cds ? sandbox : null, launcher));
            }
        }
        System.out.println();
        System.out.printf("%-28s %5s %12s %10s %12s %s%n", "artifact", "jars", "unzipped MB", "zip MB", "CDS archive", "cold start (fresh JVM -> first response)");
        reports.forEach(System.out::println);
        System.out.println("\nartifacts in " + output);
    }

    /** The tools jar, copied beside the artifacts: the function JVMs load FunctionMain from it (never packaged). */
    private static Path launcher(Path output) throws Exception {
        Path self = Path.of(Packager.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path target = output.resolve(".launcher").resolve("luna-launcher.jar");
        Files.createDirectories(target.getParent());
        if (Files.isRegularFile(self)) Files.copy(self, target, StandardCopyOption.REPLACE_EXISTING);
        else throw new IllegalStateException("run the packager from the tools jar (scripts/package), not from " + self);
        return target;
    }

    static String packageModule(Path root, Path output, Catalog catalog, String module, Catalog.Module spec,
                                        Sandbox sandbox, Path launcher) throws Exception {
        Path moduleDir = root.resolve(spec.dir());
        Path target = moduleDir.resolve("target");
        Path jar;
        try (Stream<Path> s = Files.list(target)) {
            jar = s.filter(p -> p.getFileName().toString().startsWith(spec.artifact() + "-") && p.toString().endsWith(".jar")
                            && !p.toString().endsWith("-sources.jar") && !p.toString().endsWith("-tests.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no " + spec.artifact() + " jar in " + target + "; build first"));
        }
        Path classpathFile = target.resolve("classpath.txt");
        if (!Files.exists(classpathFile)) throw new IllegalStateException(classpathFile + " is missing (the module's pom must write it)");
        var jars = new ArrayList<Path>();
        jars.add(jar);
        for (String entry : Files.readString(classpathFile).trim().split(java.io.File.pathSeparator)) {
            if (!entry.isBlank()) jars.add(Path.of(entry));
        }

        Path dir = output.resolve(spec.artifact());
        deleteRecursively(dir);
        Files.createDirectories(dir.resolve("lib"));
        var classpath = new ArrayList<String>();
        var names = new java.util.HashSet<String>();
        for (Path source : jars) {
            String name = source.getFileName().toString();
            if (FORBIDDEN.matcher(name).matches()) {
                throw new IllegalStateException(module + ": " + name + " must not be in a function package (it is a local stand-in, "
                        + "a test library or an unused HTTP client); fix the module's dependencies");
            }
            if (!names.add(name)) throw new IllegalStateException(module + ": two dependencies are both named " + name);
            Path copy = dir.resolve("lib").resolve(name);
            Files.copy(source, copy);
            Files.setLastModifiedTime(copy, FIXED_TIME);
            classpath.add("lib/" + name);
        }
        for (String required : REQUIRED) {
            if (names.stream().noneMatch(n -> n.startsWith(required))) throw new IllegalStateException(module + ": no " + required + "*.jar in the package");
        }

        var manifest = new LinkedHashMap<String, Object>();
        manifest.put("module", module);
        manifest.put("artifact", spec.artifact());
        manifest.put("initializer", spec.initializer());
        manifest.put("handler", "org.springframework.cloud.function.adapter.aws.FunctionInvoker::handleRequest");
        manifest.put("classpath", classpath);
        manifest.put("cds", null);
        writeManifest(dir, manifest);

        String coldStart = "-";
        String archiveSize = "-";
        if (sandbox != null) {
            var trained = train(root, catalog, module, spec, dir, sandbox, launcher);
            manifest.put("cds", Map.of("archive", PackagedModule.ARCHIVE, "jdk", jdk(), "trainedWith", trained.functions()));
            writeManifest(dir, manifest);
            archiveSize = String.format(Locale.ROOT, "%.1f MB", Files.size(dir.resolve(PackagedModule.ARCHIVE)) / 1048576.0);
            coldStart = trained.verification();
        }
        Path zip = output.resolve(spec.artifact() + ".zip");
        long unzipped = zip(dir, zip);
        return String.format(Locale.ROOT, "%-28s %5d %12.1f %10.1f %12s %s", spec.artifact() + ".zip", classpath.size(),
                unzipped / 1048576.0, Files.size(zip) / 1048576.0, archiveSize, coldStart);
    }

    record Training(List<String> functions, String verification) {
    }

    /**
     * The training run: one JVM, the package's class path, the Lambda JVM options, every function of the module
     * invoked with its sample events (example ids replaced by real ones; none may answer 5xx), archive written at exit. Then one cold start of the first
     * function with {@code -Xshare:on}, which fails unless the archive maps.
     */
    private static Training train(Path root, Catalog catalog, String module, Catalog.Module spec, Path dir, Sandbox sandbox,
                                  Path launcher) throws Exception {
        var pkg = PackagedModule.read(dir);
        var classpath = new ArrayList<>(pkg.classpathIn(dir));
        classpath.add(launcher);
        Path scratch = Files.createTempDirectory("luna-train");
        var trainArgs = new ArrayList<String>();
        trainArgs.add("--train");
        var functions = new ArrayList<String>();
        Catalog.FunctionSpec first = null;
        Path firstEvent = null;
        for (var fn : catalog.module(module)) {
            // request/response functions answer a statusCode: API routes and the WebSocket API's routes
            if (!fn.trigger().isHttp() && !fn.trigger().isWebSocket()) continue;
            for (Path event : events(root, fn.name())) {
                Path prepared = scratch.resolve(fn.name() + "-" + event.getFileName());
                Files.writeString(prepared, sandbox.prepare(fn.name(), Files.readString(event)));
                trainArgs.add(fn.bean() + "=" + prepared);
                if (first == null) {
                    first = fn;
                    firstEvent = event;
                }
            }
            functions.add(fn.name());
        }
        if (first == null) throw new IllegalStateException(module + ": no sample events to train the CDS archive with (events/<function>/*.json)");
        Path archive = dir.resolve(PackagedModule.ARCHIVE);
        Files.createDirectories(archive.getParent());
        var env = sandbox.environment(first, spec);
        env.remove("SPRING_CLOUD_FUNCTION_DEFINITION");
        var result = LambdaJvm.run(classpath, List.of("-XX:ArchiveClassesAtExit=" + archive), env, trainArgs);
        if (!result.ok() || !Files.exists(archive)) throw new IllegalStateException(module + ": CDS training run failed:\n" + result.output());
        for (String response : result.responses()) {
            // a 4xx answer still loads the request path's classes (a hand-added event may name what the store lacks);
            // a 5xx or no answer means the function is broken
            var m = Pattern.compile("\"statusCode\":(\\d+)").matcher(response);
            if (!m.find() || m.group(1).startsWith("5")) {
                throw new IllegalStateException(module + ": a training invocation failed: " + response + "\n" + result.output());
            }
            if (!m.group(1).startsWith("2")) System.err.println("package: " + module + ": a training invocation answered " + m.group(1) + ": " + response);
        }
        Files.setLastModifiedTime(archive, FIXED_TIME);

        Path verifyEvent = scratch.resolve("verify.json");
        Files.writeString(verifyEvent, sandbox.prepare(first.name(), Files.readString(firstEvent)));
        var verify = LambdaJvm.run(classpath, List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:on"),
                sandbox.environment(first, spec), List.of(verifyEvent.toString()));
        if (!verify.ok()) throw new IllegalStateException(module + ": the CDS archive does not map (-Xshare:on failed):\n" + verify.output());
        deleteRecursively(scratch);
        return new Training(functions, String.format(Locale.ROOT, "%s %.0f ms with the archive", first.name(), verify.msToFirstResponse()));
    }

    public static List<Path> events(Path root, String function) throws IOException {
        Path dir = root.resolve("events").resolve(function);
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    static String jdk() {
        return System.getProperty("java.vendor") + " " + System.getProperty("java.vm.version");
    }

    private static void writeManifest(Path dir, Map<String, Object> manifest) throws IOException {
        Path file = dir.resolve(PackagedModule.MANIFEST);
        Files.writeString(file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(manifest) + "\n");
        Files.setLastModifiedTime(file, FIXED_TIME);
    }

    /** Zips the directory with sorted entries and fixed times (reproducible); returns the uncompressed size. */
    static long zip(Path dir, Path zip) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).sorted(Comparator.comparing(p -> dir.relativize(p).toString())).toList();
        }
        long total = 0;
        Path tmp = zip.resolveSibling(zip.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp); var z = new ZipOutputStream(out)) {
            for (Path f : files) {
                var entry = new ZipEntry(dir.relativize(f).toString().replace('\\', '/'));
                entry.setLastModifiedTime(FIXED_TIME);
                z.putNextEntry(entry);
                Files.copy(f, z);
                z.closeEntry();
                total += Files.size(f);
            }
        }
        Files.move(tmp, zip, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return total;
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
