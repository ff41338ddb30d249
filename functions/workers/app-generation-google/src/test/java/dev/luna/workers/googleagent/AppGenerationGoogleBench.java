package dev.luna.workers.googleagent;

import dev.luna.codebase.Codebase;
import dev.luna.workers.googleagent.input.ProjectApi;
import dev.luna.workers.googleagent.plan.AgentOptions;
import dev.luna.workers.googleagent.render.AdkProject;
import dev.luna.workers.kit.Zips;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The type's time on a directory, as the worker runs it after its checkout (project model, API, plan, every artifact,
 * the checks, project.zip; no Maven or npm validation): cold, then warm rounds, with the p95.
 * {@code scripts/bench/app-generation-google} runs it on a ~50-file and a ~2,000-file project. Usage: dir [rounds]
 */
public final class AppGenerationGoogleBench {
    private AppGenerationGoogleBench() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<String> files = files(root);
        var generator = new GoogleAgentGenerator(new ProjectApi());
        var times = new ArrayList<Long>();
        String summary = "";
        long analyseMs = 0;
        for (int i = 0; i <= rounds; i++) {
            long start = System.nanoTime();
            var model = new Codebase().analyse(root, files, () -> false);
            analyseMs = (System.nanoTime() - start) / 1_000_000;
            var planned = generator.plan(root, model, AgentOptions.DEFAULT);
            if (planned.plan() == null) {
                summary = "no API found";
            } else {
                var out = generator.render(planned.plan());
                int zip = Zips.of(AdkProject.bytes(out.project())).length;
                summary = planned.api().origin() + " API, " + planned.api().operations().size() + " operations, " + out.plan().tools().size()
                        + " tools, project.zip " + zip + " bytes, checks " + (out.problems().isEmpty() ? "passed" : out.problems());
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            if (i == rounds) summary += "; last round: project model " + analyseMs + " ms, API + generation " + (ms - analyseMs) + " ms";
            if (i > 0) times.add(ms);
            else System.out.printf(Locale.ROOT, "%s: %d files, cold %d ms%n", root.getFileName(), files.size(), ms);
        }
        var sorted = times.stream().sorted().toList();
        long p95 = sorted.get(Math.max(0, (int) Math.ceil(sorted.size() * 0.95) - 1));
        System.out.printf(Locale.ROOT, "%s: warm rounds %d, median %d ms, p95 %d ms; %s%n", root.getFileName(), rounds, sorted.get(sorted.size() / 2), p95, summary);
    }

    static List<String> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.startsWith(".git/") && !p.contains("/node_modules/") && !p.startsWith("node_modules/") && !p.contains("target/"))
                    .sorted().toList();
        }
    }
}
