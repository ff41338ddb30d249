package dev.luna.workers.cloudflare.inventory;

import java.util.regex.Pattern;

/** AWS schedule expressions ({@code rate(…)}, six-field {@code cron(…)}) as five-field Cron Trigger expressions. */
public final class Schedules {
    private static final Pattern RATE = Pattern.compile("rate\\(\\s*(\\d+)\\s+(minute|minutes|hour|hours|day|days)\\s*\\)");
    private static final Pattern CRON = Pattern.compile("cron\\(\\s*(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)(?:\\s+\\S+)?\\s*\\)");
    private static final Pattern PLAIN = Pattern.compile("[0-9*/,\\-A-Za-z]+( [0-9*/,\\-A-Za-z?]+){4}");

    private Schedules() {
    }

    /** The Cron Trigger for {@code expression}, or null when it cannot be translated. */
    public static String toCron(String expression) {
        if (expression == null) return null;
        String e = expression.strip();
        var rate = RATE.matcher(e);
        if (rate.matches()) {
            int n = Integer.parseInt(rate.group(1));
            if (n <= 0) return null;
            return switch (rate.group(2).charAt(0)) {
                case 'm' -> n == 1 ? "* * * * *" : n < 60 ? "*/" + n + " * * * *" : null;
                case 'h' -> n == 1 ? "0 * * * *" : n < 24 ? "0 */" + n + " * * *" : null;
                default -> n == 1 ? "0 0 * * *" : n <= 31 ? "0 0 */" + n + " * *" : null;
            };
        }
        var cron = CRON.matcher(e);
        if (cron.matches()) {
            var sb = new StringBuilder();
            for (int i = 1; i <= 5; i++) sb.append(i > 1 ? " " : "").append(cron.group(i).equals("?") ? "*" : cron.group(i));
            return sb.toString();
        }
        return PLAIN.matcher(e).matches() ? e.replace('?', '*') : null;
    }
}
