package dev.luna.llm;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * USD per one million tokens. {@code cachedInput} is the price of input tokens read from the provider's prompt
 * cache, {@code cacheWrite} the price of input tokens written to it (Anthropic); when absent the plain input
 * price applies. Costs are computed exactly in decimal, never in floating point.
 */
public record Prices(BigDecimal input, BigDecimal output, BigDecimal cachedInput, BigDecimal cacheWrite) {
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    public static final Prices FREE = new Prices(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

    public Prices {
        if (input == null || output == null) throw new IllegalArgumentException("input and output prices are required");
        if (input.signum() < 0 || output.signum() < 0 || (cachedInput != null && cachedInput.signum() < 0)
                || (cacheWrite != null && cacheWrite.signum() < 0)) {
            throw new IllegalArgumentException("prices must not be negative");
        }
    }

    /** The exact cost of a call's usage. */
    public BigDecimal cost(Usage usage) {
        long uncached = Math.max(0, (long) usage.inputTokens() - usage.cachedInputTokens() - usage.cacheWriteTokens());
        BigDecimal total = input.multiply(BigDecimal.valueOf(uncached))
                .add(effectiveCachedInput().multiply(BigDecimal.valueOf(usage.cachedInputTokens())))
                .add(effectiveCacheWrite().multiply(BigDecimal.valueOf(usage.cacheWriteTokens())))
                .add(output.multiply(BigDecimal.valueOf(usage.outputTokens())));
        return strip(total.divide(MILLION, 12, RoundingMode.UNNECESSARY));
    }

    /** The most a call can cost: every input token uncached, every allowed output token produced. */
    public BigDecimal maxCost(long inputTokens, long maxOutputTokens) {
        BigDecimal total = input.multiply(BigDecimal.valueOf(inputTokens)).add(output.multiply(BigDecimal.valueOf(maxOutputTokens)));
        return strip(total.divide(MILLION, 12, RoundingMode.UNNECESSARY));
    }

    public BigDecimal effectiveCachedInput() {
        return cachedInput == null ? input : cachedInput;
    }

    public BigDecimal effectiveCacheWrite() {
        return cacheWrite == null ? input : cacheWrite;
    }

    static BigDecimal strip(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
