package dev.luna.functions.agents;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** An immutable record of one accepted configuration of an agent. */
public record AgentVersion(String agentId, int versionNumber, AgentSpec spec, Change change, Integer restoredFrom,
                           Instant createdAt, String createdBy) {
    public enum Change {
        @JsonProperty("created") CREATED,
        @JsonProperty("updated") UPDATED,
        @JsonProperty("rolled_back") ROLLED_BACK
    }
}
