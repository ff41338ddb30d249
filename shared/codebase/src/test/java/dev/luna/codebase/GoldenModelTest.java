package dev.luna.codebase;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole model of three fixtures, byte for byte, against {@code src/test/resources/golden/<fixture>.json}.
 * {@code -Dgolden.update=true} rewrites the goldens for review.
 */
class GoldenModelTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    @ParameterizedTest
    @ValueSource(strings = {"spring-shop", "express-ts", "python-api"})
    void modelMatchesGolden(String fixture) throws IOException {
        byte[] actual = Codebase.json(Fixtures.analyse(fixture));
        var golden = GOLDEN.resolve(fixture + ".json");
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.write(golden, actual);
        }
        assertThat(Files.exists(golden)).as("golden %s exists (run with -Dgolden.update=true to create it)", golden).isTrue();
        assertThat(new String(actual, StandardCharsets.UTF_8)).isEqualTo(Files.readString(golden));
    }
}
