package dev.luna.tools;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts a fresh function JVM the way Lambda's Java runtime does: the package's jars, the JVM options Terraform
 * sets in {@code JAVA_TOOL_OPTIONS} (plus the flags Lambda's own launcher uses), and the function's environment.
 * Measures the time from process start to the first response line.
 */
public final class LambdaJvm {
    /**
     * What Terraform puts in JAVA_TOOL_OPTIONS besides the archive (modules/http-function variable java_tool_options;
     * a test checks the two agree): C1 only, Luna's JSON logging, no Spring Boot logging system re-initialisation, and
     * no Spring Boot background pre-initialiser (it warms web message converters no function uses, on a second
     * thread that competes with start-up for the sandbox's CPU).
     */
    public static final List<String> TOOL_OPTIONS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
            "-Dluna.logging=json", "-Dorg.springframework.boot.logging.LoggingSystem=none",
            "-Dspring.backgroundpreinitializer.ignore=true");
    /** What Lambda's launcher adds itself (serial GC on a 1-2 vCPU sandbox) and CDS in auto mode (an unusable archive is ignored). */
    public static final List<String> RUNTIME_OPTIONS = List.of("-XX:+UseSerialGC", "-Xshare:auto");

    public record Result(int exitCode, List<String> responses, String phases, double msToFirstResponse, String output) {
        public boolean ok() {
            return exitCode == 0 && !responses.isEmpty();
        }
    }

    private LambdaJvm() {
    }

    public static Result run(List<Path> classpath, List<String> extraJvmOptions, Map<String, String> environment, List<String> args)
            throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = new ArrayList<String>();
        command.add(java);
        command.addAll(RUNTIME_OPTIONS);
        command.addAll(TOOL_OPTIONS);
        command.addAll(extraJvmOptions);
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList()));
        command.add(FunctionMain.class.getName());
        command.addAll(args);
        var pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("LUNA_") || k.startsWith("SPRING_") || k.equals("MAIN_CLASS")
                || k.equals("JAVA_TOOL_OPTIONS"));
        pb.environment().putAll(environment);
        long t0 = System.nanoTime();
        Process p = pb.start();
        var responses = new ArrayList<String>();
        var output = new StringBuilder();
        String phases = "";
        double first = -1;
        try (var reader = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith(FunctionMain.RESPONSE)) {
                    if (first < 0) first = (System.nanoTime() - t0) / 1e6;
                    responses.add(line.substring(FunctionMain.RESPONSE.length()));
                } else if (line.startsWith(FunctionMain.PHASES)) {
                    phases = line.substring(FunctionMain.PHASES.length());
                } else {
                    output.append(line).append('\n');
                }
            }
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("function JVM did not exit within 120 s:\n" + output);
        }
        return new Result(p.exitValue(), responses, phases, first, output.toString());
    }
}
