package dev.luna.llm;

/**
 * The gateway's hook for tokens-per-minute limits (per API key, project or agent — the implementation decides).
 * The gateway calls {@link #acquire} with the call's estimated tokens (input + max output) before any budget or
 * provider work, and {@link #settle} with the actual tokens afterwards (also when the call failed, with what was
 * consumed). {@code acquire} refuses by throwing {@code LunaException(RATE_LIMITED)}, ideally with
 * {@code retryAfterSeconds} in its details. {@link TokensPerMinuteLimiter} is a DynamoDB implementation the
 * identity work can configure with per-key limits.
 */
public interface TokenRateLimiter {
    /** Admission of one call, returned by {@link #acquire} and given back to {@link #settle}. */
    record Permit(String key, String window, long estimatedTokens) {
        public static final Permit UNLIMITED = new Permit(null, null, 0);
    }

    Permit acquire(UsageContext context, long estimatedTokens);

    void settle(Permit permit, long actualTokens);

    /** No limit. */
    TokenRateLimiter UNLIMITED = new TokenRateLimiter() {
        @Override
        public Permit acquire(UsageContext context, long estimatedTokens) {
            return Permit.UNLIMITED;
        }

        @Override
        public void settle(Permit permit, long actualTokens) {
        }
    };
}
