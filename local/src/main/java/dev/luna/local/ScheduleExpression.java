package dev.luna.local;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An EventBridge Scheduler expression, as the catalog writes it: {@code rate(<n> minute|minutes|hour|hours|day|days)}
 * or {@code cron(<minutes> <hours> <day-of-month> <month> <day-of-week> <year>)} in UTC, with {@code * , - /},
 * month and weekday names, day-of-week 1-7 = SUN-SAT, and {@code ?} in exactly one of the two day fields
 * ({@code L}, {@code W} and {@code #} are not supported and are refused).
 */
sealed interface ScheduleExpression {
    Pattern RATE = Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)");
    Pattern CRON = Pattern.compile("cron\\((\\S+) (\\S+) (\\S+) (\\S+) (\\S+) (\\S+)\\)");

    /** The first fire time strictly after {@code after}. */
    Instant next(Instant after);

    static ScheduleExpression parse(String expression) {
        if (expression == null) throw new IllegalArgumentException("no schedule expression");
        Matcher m = RATE.matcher(expression.trim());
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2);
            if (n < 1) throw new IllegalArgumentException("rate must be at least 1: " + expression);
            if ((n == 1) != !unit.endsWith("s")) throw new IllegalArgumentException("use '1 " + unit.replaceAll("s$", "")
                    + "' or '<n> " + (unit.endsWith("s") ? unit : unit + "s") + "': " + expression);
            Duration period = switch (unit.replaceAll("s$", "")) {
                case "minute" -> Duration.ofMinutes(n);
                case "hour" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
            return new Rate(period);
        }
        m = CRON.matcher(expression.trim());
        if (m.matches()) return Cron.of(m, expression);
        throw new IllegalArgumentException("not a rate(...) or cron(...) expression: " + expression);
    }

    /** Fires every {@code period}, counted from the epoch (so restarts keep the rhythm). */
    record Rate(Duration period) implements ScheduleExpression {
        @Override
        public Instant next(Instant after) {
            long p = period.toMillis();
            long t = after.toEpochMilli();
            return Instant.ofEpochMilli((t / p + 1) * p);
        }
    }

    /** A six-field cron in UTC. */
    record Cron(BitSet minutes, BitSet hours, BitSet daysOfMonth, BitSet months, BitSet daysOfWeek, BitSet years,
                boolean anyDayOfMonth, boolean anyDayOfWeek) implements ScheduleExpression {
        private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("JAN", 1), Map.entry("FEB", 2),
                Map.entry("MAR", 3), Map.entry("APR", 4), Map.entry("MAY", 5), Map.entry("JUN", 6), Map.entry("JUL", 7),
                Map.entry("AUG", 8), Map.entry("SEP", 9), Map.entry("OCT", 10), Map.entry("NOV", 11), Map.entry("DEC", 12));
        private static final Map<String, Integer> DAYS = Map.of("SUN", 1, "MON", 2, "TUE", 3, "WED", 4, "THU", 5, "FRI", 6, "SAT", 7);

        static Cron of(Matcher m, String expression) {
            String dom = m.group(3), dow = m.group(5);
            if (dom.equals("?") == dow.equals("?")) {
                throw new IllegalArgumentException("exactly one of day-of-month and day-of-week must be '?': " + expression);
            }
            for (int i = 1; i <= 6; i++) {
                if (m.group(i).matches(".*[LW#].*")) throw new IllegalArgumentException("L, W and # are not supported: " + expression);
            }
            return new Cron(field(m.group(1), 0, 59, Map.of()), field(m.group(2), 0, 23, Map.of()),
                    dom.equals("?") ? null : field(dom, 1, 31, Map.of()), field(m.group(4), 1, 12, MONTHS),
                    dow.equals("?") ? null : field(dow, 1, 7, DAYS), field(m.group(6), 1970, 2199, Map.of()),
                    dom.equals("?") || dom.equals("*"), dow.equals("?") || dow.equals("*"));
        }

        private static BitSet field(String text, int min, int max, Map<String, Integer> names) {
            var bits = new BitSet();
            for (String part : text.toUpperCase(Locale.ROOT).split(",")) {
                int step = 1;
                String range = part;
                int slash = part.indexOf('/');
                if (slash >= 0) {
                    step = Integer.parseInt(part.substring(slash + 1));
                    range = part.substring(0, slash);
                    if (step < 1) throw new IllegalArgumentException("step must be positive: " + part);
                }
                int lo, hi;
                if (range.equals("*")) {
                    lo = min;
                    hi = max;
                } else if (range.contains("-")) {
                    lo = value(range.substring(0, range.indexOf('-')), names);
                    hi = value(range.substring(range.indexOf('-') + 1), names);
                } else {
                    lo = value(range, names);
                    hi = slash >= 0 ? max : lo;
                }
                if (lo < min || hi > max || lo > hi) throw new IllegalArgumentException("'" + part + "' is outside " + min + "-" + max);
                for (int v = lo; v <= hi; v += step) bits.set(v);
            }
            return bits;
        }

        private static int value(String s, Map<String, Integer> names) {
            Integer named = names.get(s);
            return named != null ? named : Integer.parseInt(s);
        }

        @Override
        public Instant next(Instant after) {
            var t = LocalDateTime.ofInstant(after, ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
            var limit = t.plusYears(5);
            while (t.isBefore(limit)) {
                if (!years.get(t.getYear()) || !months.get(t.getMonthValue()) || !dayMatches(t)) {
                    t = t.truncatedTo(ChronoUnit.DAYS).plusDays(1);
                    continue;
                }
                if (!hours.get(t.getHour())) {
                    t = t.truncatedTo(ChronoUnit.HOURS).plusHours(1);
                    continue;
                }
                if (minutes.get(t.getMinute())) return t.toInstant(ZoneOffset.UTC);
                t = t.plusMinutes(1);
            }
            throw new IllegalStateException("cron expression never fires within five years");
        }

        private boolean dayMatches(LocalDateTime t) {
            int dow = t.getDayOfWeek().getValue() % 7 + 1; // SUN=1 … SAT=7
            boolean domOk = daysOfMonth == null || daysOfMonth.get(t.getDayOfMonth());
            boolean dowOk = daysOfWeek == null || daysOfWeek.get(dow);
            return domOk && dowOk;
        }
    }
}
