package dev.luna.bench;

import dev.luna.codebase.Codebase;
import dev.luna.core.Json;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Builds the model of a big real project and prints lines per minute and peak heap. Not a test.
 * Run: {@code mvn -o -q -pl shared/codebase -am test-compile} then
 * {@code java -cp shared/codebase/target/classes:shared/codebase/target/test-classes:$(cat shared/codebase/target/test-classpath.txt)
 * dev.luna.bench.CodebaseBenchmark shared/codebase/target/real/keycloak-services [rounds]}.
 */
public final class CodebaseBenchmark {
    private CodebaseBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        var root = Path.of(args.length > 0 ? args[0] : "shared/codebase/target/real/keycloak-services");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<String> files;
        try (var walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
        var codebase = new Codebase();
        for (int r = 1; r <= rounds; r++) {
            for (var pool : ManagementFactory.getMemoryPoolMXBeans()) if (pool.getType() == MemoryType.HEAP) pool.resetPeakUsage();
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            var threads = ManagementFactory.getThreadMXBean();
            long cpu0 = os.getProcessCpuTime();
            long thread0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            var model = codebase.analyse(root, files, () -> false);
            long nanos = System.nanoTime() - t0;
            long threadNanos = threads.getCurrentThreadCpuTime() - thread0;
            long cpuNanos = os.getProcessCpuTime() - cpu0;
            long lines = model.languages().stream().mapToLong(l -> l.lines()).sum();
            long javaLines = model.languages().stream().filter(l -> l.language().equals("Java")).mapToLong(l -> l.lines()).sum();
            long peak = 0;
            for (var pool : ManagementFactory.getMemoryPoolMXBeans()) if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
            byte[] json = Json.writeBytes(model);
            var calls = model.java().calls();
            System.out.printf("round %d: wall %.2f s, analysing thread CPU %.2f s (%,.0f lines/min), process CPU incl. JIT+GC %.2f s;%n",
                    r, nanos / 1e9, threadNanos / 1e9, lines * 60e9 / threadNanos, cpuNanos / 1e9);
            System.out.printf("  %d files, %d lines (%d Java) in %.2f s = %,.0f lines/min (Java %,.0f/min); peak heap %d MB;"
                            + " %d types, %d type edges, %d calls (type %d, solver %d, name %d), %d endpoints, %d shapes, %d entry points,"
                            + " %d issues; JSON %d KB%n",
                    model.files().size(), lines, javaLines, nanos / 1e9, lines * 60e9 / nanos, javaLines * 60e9 / nanos, peak >> 20,
                    model.java().types().size(), model.java().typeEdges().size(), calls.size(),
                    calls.stream().filter(c -> c.resolution().equals("type")).count(),
                    calls.stream().filter(c -> c.resolution().equals("solver")).count(),
                    calls.stream().filter(c -> c.resolution().equals("name")).count(),
                    model.endpoints().size(), model.shapes().size(), model.entryPoints().size(), model.issues().size(), json.length >> 10);
        }
    }
}
