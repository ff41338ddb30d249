package dev.luna.workers.projectorganization;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * How sure the analysis is that a finding is right. Only {@link #HIGH} removals go into {@code cleanup.patch}; the
 * others are for a person to review.
 */
public enum Confidence {
    HIGH, MEDIUM, LOW;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Confidence parse(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }

    /** The lower of the two. */
    public Confidence atMost(Confidence cap) {
        return ordinal() >= cap.ordinal() ? this : cap;
    }
}
