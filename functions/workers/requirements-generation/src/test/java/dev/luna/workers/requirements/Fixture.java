package dev.luna.workers.requirements;

import dev.luna.testkit.Txtar;
import dev.luna.codebase.secrets.SecretScanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Runs the deterministic core on a directory as the worker does (without a model), and lists its files. */
final class Fixture {
    private Fixture() {
    }

    static List<String> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }

    static Outputs generate(Path root, RequirementsOptions options, String brief) throws IOException {
        var generator = new Generator(Masks.of(new SecretScanner()));
        var evidence = generator.analyse(root, files(root), () -> false);
        var doc = generator.plan(evidence, options, true);
        return Outputs.render(doc, brief, evidence.links());
    }

    /** The analysed files with their line counts (what links are resolved against). */
    static java.util.List<dev.luna.codebase.lang.SourceFile> model(Path root) throws IOException {
        return new dev.luna.codebase.Codebase().analyse(root, files(root), () -> false).files();
    }

    static Outputs txtar(String name, Path dir) throws IOException {
        Txtar.write(name, dir);
        return generate(dir, RequirementsOptions.DEFAULT, null);
    }
}
