package dev.luna.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretMaskingTest {
    @Test
    void masksEveryKindOfCredential() {
        String jwt = "eyJraWQiOiJrMSJ9.eyJzdWIiOiJ1In0.c2lnbmF0dXJlX2J5dGVz";
        String text = "key luna_AbCdEf0123456789xyz token " + jwt + " refresh lrt_Zyx987654321abc "
                + "{\"authorization\":\"Bearer opaque-token-value\"} Authorization: Basic dXNlcjpwYXNz";
        String masked = SecretMasking.mask(text);
        assertThat(masked).doesNotContain("AbCdEf0123456789xyz").doesNotContain("c2lnbmF0dXJlX2J5dGVz")
                .doesNotContain("Zyx987654321abc").doesNotContain("opaque-token-value").doesNotContain("dXNlcjpwYXNz");
        assertThat(masked).contains("luna_***").contains("lrt_***").contains("eyJ***");
        assertThat(SecretMasking.mask("GET /api/v1/agents -> 200 in 3 ms")).isEqualTo("GET /api/v1/agents -> 200 in 3 ms");
    }
}
