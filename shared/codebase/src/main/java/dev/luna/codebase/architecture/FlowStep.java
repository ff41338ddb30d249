package dev.luna.codebase.architecture;

/**
 * One message of a request flow: {@code from} calls {@code to} ({@code label}, a method or an operation) at
 * {@code at}. Participants are a client ({@code client}), project types or files, and external systems
 * ({@code ext:<id>}).
 */
public record FlowStep(String from, String to, String label, Location at) {
}
