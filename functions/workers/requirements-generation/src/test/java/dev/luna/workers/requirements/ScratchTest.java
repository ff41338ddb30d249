package dev.luna.workers.requirements;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ScratchTest {
    @Test
    void dump() throws Exception {
        Path root = Path.of(System.getProperty("scratch.root", "target/real/spring-boot-admin-server"));
        var files = Fixture.files(root);
        for (int round = 0; round < 2; round++) {
            long t0 = System.nanoTime();
            var model = new dev.luna.codebase.Codebase().analyse(root, files, () -> false);
            long t1 = System.nanoTime();
            var b = new dev.luna.codebase.behaviour.Behaviours().find(root, model, s -> s, () -> false);
            long t2 = System.nanoTime();
            var out = Fixture.generate(root, RequirementsOptions.DEFAULT, null);
            long t3 = System.nanoTime();
            System.out.printf("SCRATCH files=%d analyse=%dms behaviours=%dms full=%dms%n", files.size(), (t1 - t0) / 1000000, (t2 - t1) / 1000000, (t3 - t2) / 1000000);
            Path dump = Path.of("target/scratch");
            Files.createDirectories(dump);
            Files.write(dump.resolve("requirements.md"), out.markdownBytes());
            Files.write(dump.resolve("requirements.json"), out.jsonBytes());
            System.out.println("SCRATCH problems " + out.problems());
        }
    }
}
