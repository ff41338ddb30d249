package dev.luna.workers.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Golden files under src/test/resources/golden: compared byte for byte; {@code -Dgolden.update=true} rewrites them for review. */
public final class Golden {
    private static final Path DIR = Path.of("src/test/resources/golden");

    private Golden() {
    }

    public static void check(String name, byte[] actual) throws IOException {
        Path file = DIR.resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(file.getParent());
            Files.write(file, actual);
            return;
        }
        assertThat(file).as("golden %s (run with -Dgolden.update=true to create it)", name).exists();
        assertThat(new String(actual, StandardCharsets.UTF_8)).as("golden %s", name).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        assertThat(actual).isEqualTo(Files.readAllBytes(file));
    }
}
