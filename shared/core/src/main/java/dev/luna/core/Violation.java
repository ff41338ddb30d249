package dev.luna.core;

/** One invalid field of a request: the dotted path of the field and what is wrong with it. */
public record Violation(String field, String message) {
    @Override
    public String toString() {
        return "'" + field + "' " + message;
    }
}
