package dev.luna.functions.agents;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Lifecycle of an agent: registered → running ⇄ stopped; any of them → deactivated (final, kept for audit). */
public enum AgentStatus {
    @JsonProperty("registered") REGISTERED,
    @JsonProperty("running") RUNNING,
    @JsonProperty("stopped") STOPPED,
    @JsonProperty("deactivated") DEACTIVATED;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static AgentStatus fromWire(String s) {
        for (var v : values()) if (v.wire().equals(s)) return v;
        return null;
    }
}
