package dev.luna.core;

import java.util.Locale;

/**
 * Whether a host names this machine or a private network: what a caller-supplied URL (a task webhook, a git
 * repository to index) may not point at in AWS, where it would reach the Lambda's VPC or metadata endpoints.
 */
public final class PrivateHosts {
    private PrivateHosts() {
    }

    /**
     * Literal loopback, private, shared (CGNAT), link-local or unspecified addresses, and {@code localhost} /
     * {@code *.localhost} / {@code *.internal} names — decided on the text alone, without a DNS lookup (callers that
     * resolve names check each resolved address with this too).
     */
    public static boolean isPrivate(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) h = h.substring(1, h.length() - 1);
        if (h.equals("localhost") || h.endsWith(".localhost") || h.endsWith(".internal")) return true;
        if (h.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            String[] p = h.split("\\.");
            int a = Integer.parseInt(p[0]), b = Integer.parseInt(p[1]);
            return a == 127 || a == 10 || a == 0 || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168)
                    || (a == 169 && b == 254) || (a == 100 && b >= 64 && b <= 127);
        }
        if (h.contains(":")) {
            return h.equals("::1") || h.equals("::") || h.startsWith("fc") || h.startsWith("fd") || h.startsWith("fe80")
                    || h.startsWith("::ffff:");
        }
        return false;
    }
}
