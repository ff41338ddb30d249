package dev.luna.sources;

/**
 * How much of one file to read, decided from its path and size before it is read: whole, its head only, or not at
 * all. The default ({@link #upTo}) reads files up to the per-file limit whole and skips larger ones; RAG reads PDFs
 * up to 32 MiB and the heads of large images and recordings.
 */
@FunctionalInterface
public interface ReadPolicy {
    Decision decide(String path, long size);

    /** Whole up to {@code maxFileBytes}, otherwise skipped as {@code "larger than <maxFileBytes> bytes"}. */
    static ReadPolicy upTo(long maxFileBytes) {
        return (path, size) -> size <= maxFileBytes ? Decision.WHOLE : Decision.tooLarge(maxFileBytes);
    }

    sealed interface Decision permits Whole, Head, Skip {
        Decision WHOLE = new Whole();

        static Decision head(int bytes) {
            return new Head(bytes);
        }

        static Decision tooLarge(long limitBytes) {
            return new Skip(SkippedFile.Reason.TOO_LARGE, "larger than " + limitBytes + " bytes");
        }

        static Decision skip(SkippedFile.Reason reason, String message) {
            return new Skip(reason, message);
        }
    }

    record Whole() implements Decision {
    }

    /** The first {@code bytes} bytes only; the file's {@link SourceFile#size()} stays its real size. */
    record Head(int bytes) implements Decision {
        public Head {
            if (bytes < 1) throw new IllegalArgumentException("a head has at least one byte");
        }
    }

    record Skip(SkippedFile.Reason reason, String message) implements Decision {
    }
}
