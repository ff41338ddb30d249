package dev.luna.core;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256, the platform's one hash: as lower-case hex (how secrets such as API keys and refresh tokens are stored and
 * looked up, content hashes, cache keys) or as the digest's bytes; and HMAC-SHA256, how webhooks are signed (ours,
 * alert deliveries) and verified (GitHub's push deliveries).
 */
public final class Hashes {
    private Hashes() {
    }

    public static String sha256(String text) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** SHA-256 of raw bytes (content hashes of files). */
    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256(bytes));
    }

    /** The SHA-256 digest itself. */
    public static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** HMAC-SHA256 of {@code text} (UTF-8) under {@code key} (UTF-8), as lower-case hex. */
    public static String hmacSha256Hex(String key, String text) {
        return hmacSha256Hex(key.getBytes(StandardCharsets.UTF_8), text);
    }

    /** HMAC-SHA256 of {@code text} (UTF-8) under raw {@code key} bytes, as lower-case hex. */
    public static String hmacSha256Hex(byte[] key, String text) {
        try {
            var mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }
}
