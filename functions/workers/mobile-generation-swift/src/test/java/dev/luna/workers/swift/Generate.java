package dev.luna.workers.swift;

import dev.luna.codebase.Codebase;
import dev.luna.workers.kit.Zips;
import dev.luna.workers.swift.plan.AppPlan;
import dev.luna.workers.swift.plan.SwiftOptions;
import dev.luna.workers.swift.render.SwiftProject;
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
    static final SwiftGenerator GENERATOR = new SwiftGenerator();

    private Generate() {
    }

    static AppPlan plan(Path root, SwiftOptions options) {
        var model = new Codebase().analyse(root, files(root), () -> false);
        return GENERATOR.plan(root, model, options);
    }

    static SwiftGenerator.Output run(Path root, SwiftOptions options) {
        return GENERATOR.render(plan(root, options));
    }

    /** Every project file and the zip, path → bytes. */
    static Map<String, byte[]> all(SwiftGenerator.Output out) {
        var m = new TreeMap<String, byte[]>(SwiftProject.bytes(out.project()));
        m.put(SwiftGenerator.PROJECT, Zips.of(SwiftProject.bytes(out.project())));
        return m;
    }

    /** Writes the unpacked project under {@code dir}; returns dir. */
    static Path write(SwiftGenerator.Output out, Path dir) {
        try {
            for (var e : out.project().entrySet()) {
                var file = dir.resolve(e.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
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

    static SwiftOptions options(String json) {
        return SwiftOptions.of(dev.luna.core.Json.tree(json));
    }
}
