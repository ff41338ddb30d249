package dev.luna.cli;

/** The documented exit codes of the luna command. */
final class ExitCode {
    /** Success. */
    static final int OK = 0;
    /** The task (or index job) failed, timed out, was cancelled or dead-lettered. */
    static final int TASK_FAILED = 1;
    /** Bad command line: unknown command or option, missing argument, unreadable file, no URL configured. */
    static final int USAGE = 2;
    /** The API refused the credentials (401) or the key lacks the permission (403). */
    static final int AUTH = 3;
    /** The API answered 404 (unknown id). */
    static final int NOT_FOUND = 4;
    /** Any other API error (validation, conflict, 5xx) or a network failure. */
    static final int API = 5;

    private ExitCode() {
    }

    static int forStatus(int httpStatus) {
        return switch (httpStatus) {
            case 401, 403 -> AUTH;
            case 404 -> NOT_FOUND;
            default -> API;
        };
    }
}
