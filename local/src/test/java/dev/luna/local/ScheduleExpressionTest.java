package dev.luna.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ScheduleExpressionTest {
    private static Instant next(String expression, String after) {
        return ScheduleExpression.parse(expression).next(Instant.parse(after));
    }

    @Test
    void ratesFireOnTheirPeriod() {
        assertThat(next("rate(1 minute)", "2026-11-27T04:00:30Z")).isEqualTo("2026-11-27T04:01:00Z");
        assertThat(next("rate(1 minute)", "2026-11-27T04:01:00Z")).isEqualTo("2026-11-27T04:02:00Z");
        assertThat(next("rate(5 minutes)", "2026-11-27T04:03:00Z")).isEqualTo("2026-11-27T04:05:00Z");
        assertThat(next("rate(1 hour)", "2026-11-27T04:03:00Z")).isEqualTo("2026-11-27T05:00:00Z");
        assertThat(next("rate(2 days)", "2026-11-27T04:03:00Z").toEpochMilli() % (2 * 86_400_000L)).isZero();
    }

    @Test
    void cronsFireOnTheirFieldsInUtc() {
        assertThat(next("cron(0/15 * * * ? *)", "2026-11-27T04:07:00Z")).isEqualTo("2026-11-27T04:15:00Z");
        assertThat(next("cron(30 2 * * ? *)", "2026-11-27T04:07:00Z")).isEqualTo("2026-11-28T02:30:00Z");
        assertThat(next("cron(0 9 ? * MON-FRI *)", "2026-11-27T10:00:00Z")).as("Friday 10:00 -> Monday 09:00").isEqualTo("2026-11-30T09:00:00Z");
        assertThat(next("cron(0 0 1 JAN ? *)", "2026-11-27T10:00:00Z")).isEqualTo("2027-01-01T00:00:00Z");
        assertThat(next("cron(0 12 ? * 1 *)", "2026-11-27T10:00:00Z")).as("day-of-week 1 is Sunday").isEqualTo("2026-11-29T12:00:00Z");
        assertThat(next("cron(5,35 8-9 * * ? 2027)", "2026-11-27T10:00:00Z")).isEqualTo("2027-01-01T08:05:00Z");
    }

    @Test
    void malformedExpressionsAreRefused() {
        for (String bad : new String[] {"rate(0 minutes)", "rate(1 minutes)", "rate(5 minute)", "rate(5 weeks)", "every 5 minutes",
                "cron(0 9 * * * *)", "cron(0 9 ? * ? *)", "cron(0 9 L * ? *)", "cron(61 * * * ? *)", "cron(0 9 * * ?)"}) {
            assertThatThrownBy(() -> ScheduleExpression.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
