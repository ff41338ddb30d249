package dev.luna.codebase;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LiteralMaskTest {
    private final LiteralMask mask = new LiteralMask();

    @Test
    void masksKnownCredentialFormatsUrlPasswordsAndHighEntropyTokens() {
        assertThat(mask.apply("AKIAIOSFODNN7EXAMPLE")).isEqualTo("***");
        assertThat(mask.apply("ghp_abcdefghijklmnopqrstuvwxyz0123456789")).isEqualTo("***");
        assertThat(mask.apply("git+https://bob:hunter2@github.com/acme/x.git")).isEqualTo("git+https://bob:***@github.com/acme/x.git");
        assertThat(mask.apply("token=Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdo")).isEqualTo("token=***");
    }

    @Test
    void leavesOrdinaryValuesAlone() {
        assertThat(mask.apply("/api/products/{id}")).isEqualTo("/api/products/{id}");
        assertThat(mask.apply("org.springframework.boot.autoconfigure.EnableAutoConfiguration"))
                .isEqualTo("org.springframework.boot.autoconfigure.EnableAutoConfiguration");
        assertThat(mask.apply("1.2.3-SNAPSHOT")).isEqualTo("1.2.3-SNAPSHOT");
        assertThat(mask.apply(null)).isNull();
    }
}
