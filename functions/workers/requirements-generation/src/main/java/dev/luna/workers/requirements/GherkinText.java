package dev.luna.workers.requirements;

import java.util.regex.Pattern;

/**
 * Text made safe for one line of a {@code .feature} file: one line, no carriage returns, and a free-text line
 * (a description) never starts like a Gherkin token (a keyword, a tag, a comment, a table or a doc string).
 */
final class GherkinText {
    private static final Pattern TOKEN = Pattern.compile("^(?i)(given|when|then|and|but|feature|rule|background|scenario|example|examples|"
            + "scenarios|scenario outline|scenario template|business need|ability)\\b|^[*@#|]|^\"\"\"|^```");

    private GherkinText() {
    }

    static String line(String text) {
        return Words.line(text, 300);
    }

    /** A description line: prefixed with "- " when it would otherwise read as a Gherkin token. */
    static String description(String text) {
        String t = line(text);
        return TOKEN.matcher(t).find() ? "- " + t : t;
    }

    /** A tag: {@code @} and no whitespace or {@code @}. */
    static String tag(String id) {
        return id.replaceAll("[\\s@#]+", "-");
    }
}
