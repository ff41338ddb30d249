package dev.luna.workers.projectorganization;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The four groups of checks a run can ask for in {@code options.checks}. */
public enum Check {
    UNUSED_FILES, DEPENDENCIES, GIT, STANDARDS;

    /** The option value: {@code unused-files}, {@code dependencies}, {@code git}, {@code standards}. */
    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The check of that option value, or null. */
    public static Check of(String wire) {
        for (var c : values()) if (c.wire().equals(wire)) return c;
        return null;
    }
}
