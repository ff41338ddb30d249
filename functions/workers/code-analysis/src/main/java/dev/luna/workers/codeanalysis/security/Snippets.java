package dev.luna.workers.codeanalysis.security;

import dev.luna.core.SecretMasking;
import java.util.regex.Pattern;

/** Snippets for findings: trimmed, bounded, with credential values masked. */
final class Snippets {
    static final int MAX = 200;
    /** A string literal that follows a credential-like name (assignment, named argument, setter) or a getConnection call. */
    private static final Pattern CREDENTIAL_LITERAL = Pattern.compile(
            "(?i)((?:pass(?:word|wd|phrase)?|pwd|secret|api_?key|access_?key|private_?key|token|credentials?|auth)\\w*\\s*"
                    + "(?:=|:|\\(|,)\\s*(?:\\w+\\s*\\(\\s*)?)\"(?:[^\"\\\\]|\\\\.)+\"");
    private static final Pattern CONNECTION_PASSWORD = Pattern.compile(
            "(getConnection\\s*\\([^,]+,[^,]+,\\s*)\"(?:[^\"\\\\]|\\\\.)*\"");

    private Snippets() {
    }

    static String clean(String line) {
        String s = line.strip();
        s = mask(s);
        if (s.length() > MAX) s = s.substring(0, MAX - 1) + "…";
        return s;
    }

    static String mask(String s) {
        String out = SecretMasking.mask(s);
        if (out.indexOf('"') >= 0) {
            out = CREDENTIAL_LITERAL.matcher(out).replaceAll("$1\"***\"");
            out = CONNECTION_PASSWORD.matcher(out).replaceAll("$1\"***\"");
        }
        return out;
    }
}
