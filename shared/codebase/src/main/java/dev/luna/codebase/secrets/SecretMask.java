package dev.luna.codebase.secrets;

/** How a secret is shown: at most 4 leading characters (fewer for a short one), then {@code ****}. */
public final class SecretMask {
    private SecretMask() {
    }

    public static String mask(String secret) {
        if (secret == null || secret.isEmpty()) return "****";
        int keep = Math.min(4, secret.length() / 4);
        return secret.substring(0, keep) + "****";
    }
}
