package dev.luna.codebase.secrets;

/**
 * A text that lets a regular expression read it only so many times: a pathological file cannot keep a matcher busy
 * for long. Reading past the budget throws {@link Exhausted}, which the scanner reports as a skipped file.
 */
final class BoundedText implements CharSequence {
    static final class Exhausted extends RuntimeException {
        Exhausted() {
            super("regular-expression budget exhausted", null, false, false);
        }
    }

    private final String text;
    private final int offset;
    private final int length;
    private final long[] budget;

    BoundedText(String text, long budget) {
        this(text, 0, text.length(), new long[] {budget});
    }

    private BoundedText(String text, int offset, int length, long[] budget) {
        this.text = text;
        this.offset = offset;
        this.length = length;
        this.budget = budget;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        if (--budget[0] < 0) throw new Exhausted();
        return text.charAt(offset + index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new BoundedText(text, offset + start, end - start, budget);
    }

    @Override
    public String toString() {
        return text.substring(offset, offset + length);
    }
}
