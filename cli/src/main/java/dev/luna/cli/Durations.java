package dev.luna.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Human durations: "850 ms", "3.2 s", "2 min 5 s". */
final class Durations {
    private Durations() {
    }

    static Optional<String> between(JsonNode start, JsonNode end) {
        if (!start.isString() || !end.isString()) return Optional.empty();
        try {
            return Optional.of(format(Duration.between(Instant.parse(start.asString()), Instant.parse(end.asString()))));
        } catch (RuntimeException unparsable) {
            return Optional.empty();
        }
    }

    static String format(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) return ms + " ms";
        if (ms < 60_000) return String.format("%.1f s", ms / 1000.0);
        return d.toMinutes() + " min " + d.toSecondsPart() + " s";
    }

    /** An ETA in seconds as "12s" or "3m05s". */
    static String eta(long seconds) {
        return seconds < 60 ? seconds + "s" : String.format("%dm%02ds", seconds / 60, seconds % 60);
    }
}
