package dev.luna.workers.projectorganization.rules;

import java.util.regex.Pattern;

/** Shell-style globs: {@code *} and {@code ?} stay within a path segment, {@code **}{@code /} crosses folders. */
public final class Globs {
    private Globs() {
    }

    public static Pattern compile(String glob) {
        var sb = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                boolean slash = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
                sb.append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            } else if (c == '*') sb.append("[^/]*");
            else if (c == '?') sb.append("[^/]");
            else sb.append(Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(sb.toString());
    }

    public static boolean matches(String glob, String value) {
        return compile(glob).matcher(value).matches();
    }
}
