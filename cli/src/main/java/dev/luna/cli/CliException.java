package dev.luna.cli;

/** A failure the CLI reports as one line on stderr and an exit code (see {@link ExitCode}). */
class CliException extends RuntimeException {
    private final int exitCode;

    CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }

    static CliException usage(String message) {
        return new CliException(ExitCode.USAGE, message);
    }
}
