package dev.luna.workers.codeanalysis.security.bench;

/**
 * A piece of a generated case: code (with {@code $IN} for the incoming variable and {@code $OUT} for the one it
 * defines), members it adds to the class, and whether it lets untrusted data through.
 */
record Part(String name, String code, String members, boolean passes) {
    static Part of(String name, boolean passes, String code) {
        return new Part(name, code, "", passes);
    }

    static Part of(String name, boolean passes, String code, String members) {
        return new Part(name, code, members, passes);
    }
}
