package dev.luna.tasks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;

/**
 * Signs webhook deliveries: header {@code X-Luna-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "<t>.<body>">}, the scheme Stripe and others use. Receivers recompute the HMAC with the shared secret, compare
 * in constant time and reject stale timestamps (replays).
 */
public final class WebhookSigner {
    public static final String HEADER = "X-Luna-Signature";
    private final byte[] secret;

    public WebhookSigner(String secret) {
        if (secret == null || secret.length() < 16) throw new IllegalArgumentException("webhook secret must have at least 16 characters");
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    public String sign(Instant at, String body) {
        long t = at.getEpochSecond();
        return "t=" + t + ",v1=" + hmac(t + "." + body);
    }

    /** Whether {@code header} is a valid signature of {@code body} made within {@code tolerance} of {@code now}. */
    public boolean verify(String header, String body, Instant now, Duration tolerance) {
        if (header == null) return false;
        Long t = null;
        String v1 = null;
        for (String part : header.split(",")) {
            int eq = part.indexOf('=');
            if (eq < 0) continue;
            String k = part.substring(0, eq).trim(), v = part.substring(eq + 1).trim();
            if (k.equals("t")) {
                try {
                    t = Long.parseLong(v);
                } catch (NumberFormatException e) {
                    return false;
                }
            } else if (k.equals("v1")) {
                v1 = v;
            }
        }
        if (t == null || v1 == null) return false;
        if (Math.abs(now.getEpochSecond() - t) > tolerance.toSeconds()) return false;
        return MessageDigest.isEqual(hmac(t + "." + body).getBytes(StandardCharsets.US_ASCII), v1.getBytes(StandardCharsets.US_ASCII));
    }

    private String hmac(String text) {
        return dev.luna.core.Hashes.hmacSha256Hex(secret, text);
    }
}
