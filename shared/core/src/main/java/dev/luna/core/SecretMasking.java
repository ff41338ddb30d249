package dev.luna.core;

import java.util.regex.Pattern;

/**
 * Masks credentials in text bound for logs: API keys ({@code luna_…}), refresh tokens ({@code lrt_…}), JWTs and the
 * value of any {@code Authorization} header. Applied to every log line by the logging configuration, so a
 * framework that logs a request at a verbose level still cannot leak one.
 */
public final class SecretMasking {
    private static final Pattern API_KEY = Pattern.compile("luna_[A-Za-z0-9_-]{8,}");
    private static final Pattern REFRESH = Pattern.compile("lrt_[A-Za-z0-9_-]{8,}");
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");
    private static final Pattern AUTHORIZATION = Pattern.compile("(?i)(\"?authorization\"?\\s*[=:]\\s*\"?)(bearer\\s+|basic\\s+)?[^\\s\",}]+");

    private SecretMasking() {
    }

    public static String mask(String text) {
        if (text == null || text.isEmpty()) return text;
        String out = text;
        if (out.contains("luna_")) out = API_KEY.matcher(out).replaceAll("luna_***");
        if (out.contains("lrt_")) out = REFRESH.matcher(out).replaceAll("lrt_***");
        if (out.contains("eyJ")) out = JWT.matcher(out).replaceAll("eyJ***");
        if (out.toLowerCase(java.util.Locale.ROOT).contains("authorization")) {
            out = AUTHORIZATION.matcher(out).replaceAll("$1$2***");
        }
        return out;
    }
}
