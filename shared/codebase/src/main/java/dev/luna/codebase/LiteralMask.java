package dev.luna.codebase;

import dev.luna.core.SecretMasking;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The default mask for literal values copied into the model (annotation values, defaults, versions, constants):
 * well-known credential formats, passwords in URLs, and long high-entropy tokens become {@code ***}. A stronger
 * detector can be passed to {@link Codebase} instead.
 */
public final class LiteralMask implements UnaryOperator<String> {
    private static final Pattern KNOWN = Pattern.compile(
            "(AKIA|ASIA)[A-Z0-9]{16}|gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{40,}|sk-[A-Za-z0-9_-]{20,}|xox[abpors]-[A-Za-z0-9-]{10,}"
                    + "|AIza[0-9A-Za-z_-]{35}|sk_live_[0-9a-zA-Z]{20,}|-----BEGIN [A-Z ]*PRIVATE KEY-----[^\\n]*");
    private static final Pattern URL_PASSWORD = Pattern.compile("(://[^/:@\\s]+:)[^@/\\s]+@");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9+/_=-]{32,}");

    @Override
    public String apply(String value) {
        if (value == null || value.isEmpty()) return value;
        String out = KNOWN.matcher(value).replaceAll("***");
        out = URL_PASSWORD.matcher(out).replaceAll("$1***@");
        var m = TOKEN.matcher(out);
        var sb = new StringBuilder();
        while (m.find()) m.appendReplacement(sb, entropy(m.group()) > 4.0 && mixed(m.group()) ? "***" : m.group().replace("$", "\\$"));
        m.appendTail(sb);
        return SecretMasking.mask(sb.toString());
    }

    private static boolean mixed(String s) {
        boolean digit = false, upper = false, lower = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            digit |= Character.isDigit(c);
            upper |= Character.isUpperCase(c);
            lower |= Character.isLowerCase(c);
        }
        return digit && (upper || lower);
    }

    static double entropy(String s) {
        var counts = new int[128];
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 128) {
                counts[c]++;
                n++;
            }
        }
        double h = 0;
        for (int c : counts) {
            if (c == 0) continue;
            double p = (double) c / n;
            h -= p * Math.log(p) / Math.log(2);
        }
        return h;
    }
}
