package dev.luna.toolchains;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Google agent checks (package set {@code shared/toolchains/google}: {@code @a2a-js/sdk} 1.3.0, ajv 8.20 with
 * ajv-formats 3.0.1): an A2A Agent Card against {@code google/schema/agent-card.schema.json} (transcribed from the SDK's
 * types) and the SDK's own transport selection; a generated Google ADK (Java) project built and tested with the
 * machine's Maven ({@code mvn -B -o test}, online once when an artifact is missing from ~/.m2); and its A2A server
 * started ({@code mvn exec:java}, fake model) and talked to by the SDK's real client ({@code message/send},
 * {@code tasks/get}, {@code message/stream}). Each method answers its problems; empty means the check passed.
 */
public final class GoogleAgentChecks {
    static final String SET = "google";
    private static final Duration NODE_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration MAVEN_TIMEOUT = Duration.ofMinutes(8);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private GoogleAgentChecks() {
    }

    /** Validates each card with ajv against the transcribed schema, then lets the SDK's ClientFactory pick a transport. */
    public static List<String> agentCards(List<Path> cards) {
        if (cards.isEmpty()) throw new IllegalArgumentException("no cards to check");
        var toolchain = NodeToolchain.get(SET);
        var args = cards.stream().map(p -> p.toAbsolutePath().toString()).toList();
        var run = toolchain.runScript(toolchain.home(), NODE_TIMEOUT, "bin/card-check.mjs", args);
        var problems = run.linesStartingWith("INVALID:");
        if (run.exitCode() != 0 && problems.isEmpty()) return List.of("card-check failed (exit " + run.exitCode() + "): " + run.output());
        if (run.linesStartingWith("OK:").size() != cards.size() && problems.isEmpty()) return List.of("card-check did not report every card: " + run.output());
        return problems;
    }

    /** {@code mvn -B -q test} in the project (offline first); the problems are Maven's error lines. */
    public static List<String> mavenTest(Path project) {
        var run = maven(project, List.of("-B", "-q", "-o", "test"));
        if (run.exitCode() != 0 && run.output().contains("offline")) run = maven(project, List.of("-B", "-q", "test"));
        if (run.exitCode() == 0) return List.of();
        var errors = run.output().lines().filter(l -> l.contains("ERROR") || l.contains("FAIL")).limit(40).toList();
        return errors.isEmpty() ? List.of("mvn test failed (exit " + run.exitCode() + "): " + tail(run.output())) : errors;
    }

    /**
     * Starts the project's A2A server ({@code mvn -B -q -o exec:java} with {@code AGENT_MODEL=fake}, on a free port,
     * {@code AGENT_URL} pointing at it), waits for its card, and round-trips {@code text} with the SDK's client. The
     * project must be compiled ({@link #mavenTest} first). Answers the client's problems; the OK lines go to {@code log}.
     */
    public static List<String> a2aRoundTrip(Path project, String text, List<String> log) {
        int port = freePort();
        String origin = "http://127.0.0.1:" + port;
        Process server = null;
        try {
            // offline first (the compile step fetched the dependencies); a fresh machine may still lack exec-maven-plugin,
            // so a server that exits without serving is started once more, online
            boolean served = false;
            Path serverLog = Files.createTempFile("luna-a2a-server", ".log");
            for (boolean offline : new boolean[] {true, false}) {
                var command = offline ? List.of("mvn", "-B", "-q", "-o", "exec:java") : List.of("mvn", "-B", "-q", "exec:java");
                var builder = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true).redirectOutput(serverLog.toFile());
                builder.environment().putAll(Map.of("PORT", String.valueOf(port), "AGENT_URL", origin + "/", "AGENT_MODEL", "fake"));
                useJdk17(builder);
                server = builder.start();
                served = waitForCard(origin, server);
                if (served || server.isAlive()) break;
            }
            if (!served) {
                String tail = Files.readString(serverLog);
                return List.of("the A2A server did not serve its card at " + origin + "/.well-known/agent-card.json within "
                        + START_TIMEOUT.toSeconds() + " s (exit " + (server.isAlive() ? "none" : server.exitValue()) + "): "
                        + tail.substring(Math.max(0, tail.length() - 2000)));
            }
            var toolchain = NodeToolchain.get(SET);
            var run = toolchain.runScript(toolchain.home(), NODE_TIMEOUT, "bin/a2a-roundtrip.mjs", List.of(origin, text));
            log.addAll(run.linesStartingWith("OK:"));
            var problems = run.linesStartingWith("INVALID:");
            if (run.exitCode() != 0 && problems.isEmpty()) return List.of("a2a-roundtrip failed (exit " + run.exitCode() + "): " + run.output());
            return problems;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (server != null) {
                server.descendants().forEach(ProcessHandle::destroyForcibly);
                server.destroyForcibly();
            }
        }
    }

    private static boolean waitForCard(String origin, Process server) {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && server.isAlive()) {
            try {
                var response = http.send(HttpRequest.newBuilder(URI.create(origin + "/.well-known/agent-card.json")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) return true;
            } catch (IOException e) {
                // not up yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private static ToolRun maven(Path project, List<String> args) {
        var command = new ArrayList<String>();
        command.add("mvn");
        command.addAll(args);
        try {
            var log = Files.createTempFile("luna-mvn", ".log");
            try {
                var builder = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
                useJdk17(builder);
                var process = builder.start();
                if (!process.waitFor(MAVEN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    return new ToolRun(command, -1, "timed out after " + MAVEN_TIMEOUT.toSeconds() + " s");
                }
                return new ToolRun(command, process.exitValue(), Files.readString(log));
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + command, e);
        }
    }

    /**
     * Runs the generated project's Maven on JDK 17 when the machine has it; options only newer JVMs know (the
     * {@code --sun-misc-unsafe-memory-access} our scripts put in MAVEN_OPTS for JDK 23+) are dropped from its
     * environment, as JDK 17 refuses to start with them.
     */
    private static void useJdk17(ProcessBuilder builder) {
        javaHome().ifPresent(home -> {
            var env = builder.environment();
            env.put("JAVA_HOME", home);
            for (String name : List.of("MAVEN_OPTS", "JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS")) {
                String value = env.get(name);
                if (value != null) env.put(name, value.replaceAll("--sun-misc-unsafe-memory-access=\\S*", "").strip());
            }
        });
    }

    /** JDK 17 when the machine has it (what VALIDATORS.md pins for ADK Java), else the inherited JAVA_HOME. */
    private static java.util.Optional<String> javaHome() {
        for (String candidate : List.of("/usr/lib/jvm/java-17-openjdk-amd64", "/usr/lib/jvm/temurin-17-jdk-amd64")) {
            if (Files.isExecutable(Path.of(candidate, "bin/java"))) return java.util.Optional.of(candidate);
        }
        return java.util.Optional.empty();
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(String output) {
        return output.length() > 3000 ? output.substring(output.length() - 3000) : output;
    }
}
