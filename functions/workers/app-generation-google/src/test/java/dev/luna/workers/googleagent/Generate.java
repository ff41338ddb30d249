package dev.luna.workers.googleagent;

import dev.luna.codebase.Codebase;
import dev.luna.workers.googleagent.input.ProjectApi;
import dev.luna.workers.googleagent.plan.AgentOptions;
import dev.luna.workers.googleagent.render.AdkProject;
import dev.luna.workers.kit.Zips;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Runs the deterministic core on a directory, as the worker does after its checkout. */
final class Generate {
    static final Path FIXTURES = Path.of("src/test/resources/fixtures");

    private Generate() {
    }

    static GoogleAgentGenerator.Planned plan(Path root, AgentOptions options) {
        var model = new Codebase().analyse(root, files(root), () -> false);
        return new GoogleAgentGenerator(new ProjectApi()).plan(root, model, options);
    }

    static GoogleAgentGenerator.Output run(Path root, AgentOptions options) {
        var planned = plan(root, options);
        if (planned.plan() == null) throw new AssertionError("no API found in " + root + ": " + planned.api().notes());
        return new GoogleAgentGenerator(new ProjectApi()).render(planned.plan());
    }

    /** Every artifact and project file, path → bytes (project files under adk-java/). */
    static Map<String, byte[]> all(GoogleAgentGenerator.Output out) {
        var m = new TreeMap<String, byte[]>();
        out.artifacts().forEach((k, v) -> m.put(k, v.getBytes(StandardCharsets.UTF_8)));
        m.putAll(AdkProject.bytes(out.project()));
        m.put(GoogleAgentGenerator.PROJECT, Zips.of(AdkProject.bytes(out.project())));
        return m;
    }

    /** Writes the artifacts and the unpacked project under {@code dir}; returns dir. */
    static Path write(GoogleAgentGenerator.Output out, Path dir) {
        try {
            for (var e : all(out).entrySet()) {
                if (e.getKey().equals(GoogleAgentGenerator.PROJECT)) continue;
                var file = dir.resolve(e.getKey());
                Files.createDirectories(file.getParent());
                Files.write(file, e.getValue());
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> files(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
