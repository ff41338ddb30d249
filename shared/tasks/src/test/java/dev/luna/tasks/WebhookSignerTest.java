package dev.luna.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {
    private final WebhookSigner signer = new WebhookSigner("0123456789abcdef-secret");
    private final Instant at = Instant.parse("2026-11-27T04:00:00Z");

    @Test
    void signsTimestampAndBodyWithHmacSha256() {
        // known answer: printf '1795752000.{"a":1}' | openssl dgst -sha256 -hmac 0123456789abcdef-secret
        assertThat(signer.sign(at, "{\"a\":1}"))
                .isEqualTo("t=1795752000,v1=28e79550a31aebb275c74ac23627a1cc0ce4513e842f16fcf1e76d3f8d112096");
    }

    @Test
    void verifiesOnlyTheSameBodyWithinTheTolerance() {
        String header = signer.sign(at, "body");
        assertThat(signer.verify(header, "body", at.plusSeconds(60), Duration.ofMinutes(5))).isTrue();
        assertThat(signer.verify(header, "body!", at, Duration.ofMinutes(5))).isFalse();
        assertThat(signer.verify(header, "body", at.plusSeconds(600), Duration.ofMinutes(5))).as("replayed later").isFalse();
        assertThat(new WebhookSigner("another-secret-of-16+").verify(header, "body", at, Duration.ofMinutes(5))).isFalse();
        assertThat(signer.verify("t=abc,v1=00", "body", at, Duration.ofMinutes(5))).isFalse();
        assertThat(signer.verify(null, "body", at, Duration.ofMinutes(5))).isFalse();
    }

    @Test
    void shortSecretsAreRefused() {
        assertThatThrownBy(() -> new WebhookSigner("short")).isInstanceOf(IllegalArgumentException.class);
    }
}
