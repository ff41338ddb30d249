package dev.luna.core;

/** Stable, client-visible error codes and the HTTP status each maps to. */
public enum ErrorCode {
    VALIDATION_FAILED(400),
    MALFORMED_JSON(400),
    INVALID_CURSOR(400),
    UNAUTHENTICATED(401),
    FORBIDDEN(403),
    NOT_FOUND(404),
    ROUTE_NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    CONFLICT(409),
    INVALID_TRANSITION(409),
    AGENT_UNAVAILABLE(409),
    VERSION_CONFLICT(409),
    IDEMPOTENCY_IN_PROGRESS(409),
    PRECONDITION_FAILED(412),
    PAYLOAD_TOO_LARGE(413),
    UNSUPPORTED_MEDIA_TYPE(415),
    IDEMPOTENCY_KEY_REUSED(422),
    TASK_TYPE_NOT_AVAILABLE(422),
    RATE_LIMITED(429),
    BUDGET_EXCEEDED(402),
    /** An agent's {@code resourceQuota} (its tokens per day) is used up. */
    QUOTA_EXCEEDED(429),
    INTERNAL(500),
    /** A model provider refused the call for a reason another attempt would not fix (its key, the request). */
    PROVIDER_ERROR(502),
    UNAVAILABLE(503);

    private final int status;

    ErrorCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }
}
