package dev.luna.core;

/**
 * The one exception type of the platform's domain: an {@link ErrorCode} (which fixes the HTTP status),
 * a message written for the client, and optional structured details. Mapped to the error envelope in exactly
 * one place (the HTTP pipeline).
 */
public class LunaException extends RuntimeException {
    private final ErrorCode code;
    private final transient Object details;

    public LunaException(ErrorCode code, String message) {
        this(code, message, null, null);
    }

    public LunaException(ErrorCode code, String message, Object details) {
        this(code, message, details, null);
    }

    public LunaException(ErrorCode code, String message, Object details, Throwable cause) {
        super(message, cause, false, false);
        this.code = code;
        this.details = details;
    }

    public ErrorCode code() {
        return code;
    }

    public int status() {
        return code.status();
    }

    public Object details() {
        return details;
    }

    public static LunaException notFound(String kind, String id) {
        return new LunaException(ErrorCode.NOT_FOUND, kind + " '" + id + "' was not found");
    }

    public static LunaException conflict(ErrorCode code, String message) {
        return new LunaException(code, message);
    }
}
