package dev.luna.functions.agents;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The runtime an agent's code needs. */
public enum Runtime {
    @JsonProperty("nodejs") NODEJS,
    @JsonProperty("python") PYTHON,
    @JsonProperty("swift") SWIFT,
    @JsonProperty("java") JAVA
}
