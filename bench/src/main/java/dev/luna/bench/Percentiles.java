package dev.luna.bench;

import java.util.Arrays;

/** Latency samples in nanoseconds and their percentiles in milliseconds. */
final class Percentiles {
    private final long[] samples;
    private int n;

    Percentiles(int capacity) {
        samples = new long[capacity];
    }

    void add(long nanos) {
        samples[n++] = nanos;
    }

    String summary() {
        long[] s = Arrays.copyOf(samples, n);
        Arrays.sort(s);
        return String.format("n=%d p50=%.2f ms p90=%.2f ms p95=%.2f ms p99=%.2f ms max=%.2f ms", n, ms(s, 0.50), ms(s, 0.90), ms(s, 0.95), ms(s, 0.99),
                s[n - 1] / 1e6);
    }

    double p(double q) {
        long[] s = Arrays.copyOf(samples, n);
        Arrays.sort(s);
        return ms(s, q);
    }

    private static double ms(long[] sorted, double q) {
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
}
