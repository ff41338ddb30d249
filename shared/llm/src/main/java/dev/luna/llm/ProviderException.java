package dev.luna.llm;

import java.time.Duration;
import java.util.Locale;

/**
 * The one error type of provider calls, translated at the adapter's edge from whatever the HTTP client or
 * langchain4j threw. {@link #retriable()} decides failover: rate limits, server errors, timeouts, connection
 * failures, malformed responses and cut streams are retriable on another model; authentication, invalid requests
 * and unknown models are not (another provider would reject the same request, or the deployment must be fixed).
 */
public final class ProviderException extends RuntimeException {
    /** What went wrong, and whether another attempt may succeed. */
    public enum Kind {
        RATE_LIMITED(true), SERVER_ERROR(true), TIMEOUT(true), CONNECTION(true), MALFORMED_RESPONSE(true), STREAM_CUT(true),
        AUTHENTICATION(false), INVALID_REQUEST(false), MODEL_NOT_FOUND(false), UNKNOWN(false);

        private final boolean retriable;

        Kind(boolean retriable) {
            this.retriable = retriable;
        }

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final String provider;
    private final String model;
    private final Kind kind;
    private final int httpStatus;
    private final Duration retryAfter;
    private final String partialText;

    public ProviderException(String provider, String model, Kind kind, int httpStatus, Duration retryAfter, String message,
                             String partialText, Throwable cause) {
        super(message, cause, false, false);
        this.provider = provider;
        this.model = model;
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.retryAfter = retryAfter;
        this.partialText = partialText == null ? "" : partialText;
    }

    public String provider() {
        return provider;
    }

    public String model() {
        return model;
    }

    public Kind kind() {
        return kind;
    }

    public boolean retriable() {
        return kind.retriable;
    }

    /** The HTTP status the provider answered, or 0 when there was no HTTP answer. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The provider's {@code Retry-After}, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** Output the provider streamed before failing (empty when none). */
    public String partialText() {
        return partialText;
    }

    ProviderException withPartial(String text) {
        return new ProviderException(provider, model, kind, httpStatus, retryAfter, getMessage(), text, getCause());
    }
}
