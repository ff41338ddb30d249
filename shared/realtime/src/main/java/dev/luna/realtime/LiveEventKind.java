package dev.luna.realtime;

import java.util.Locale;

/** The kinds of live event, with their names on the wire ({@code task_progress}, ...). */
public enum LiveEventKind {
    /** A task's stage, percentage, ETA and steps while it runs, then its terminal status. */
    TASK_PROGRESS,
    /** An agent's health verdict changed (or was re-evaluated). */
    AGENT_HEALTH,
    /** A token budget or quota crossed a threshold. */
    TOKEN_ALERT,
    /** Anything else the platform tells a project (maintenance, limits, ...). */
    SYSTEM_NOTIFICATION;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind named {@code wire}, or null. */
    public static LiveEventKind fromWire(String wire) {
        for (var k : values()) if (k.wire().equals(wire)) return k;
        return null;
    }
}
