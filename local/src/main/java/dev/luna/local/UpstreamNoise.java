package dev.luna.local;

import java.io.PrintStream;
import java.util.function.Supplier;

/**
 * Spring Cloud Function 5.0.5's {@code FunctionalSpringApplication} prints {@code ======> SOURCE: class …} to stdout for
 * every initializer it registers (an unconditional debug print upstream), which buries the runtime's own start-up lines
 * under a screenful of noise. While a context starts, stdout drops exactly those lines and passes everything else.
 */
final class UpstreamNoise {
    static final String SOURCE_LINE = "======> SOURCE: ";

    private UpstreamNoise() {
    }

    static synchronized <T> T withoutSourceLines(Supplier<T> start) {
        var original = System.out;
        System.setOut(new Filtered(original));
        try {
            return start.get();
        } finally {
            System.setOut(original);
        }
    }

    private static final class Filtered extends PrintStream {
        private final PrintStream target;

        Filtered(PrintStream target) {
            super(target, true);
            this.target = target;
        }

        @Override
        public void println(String line) {
            if (line == null || !line.startsWith(SOURCE_LINE)) target.println(line);
        }
    }
}
