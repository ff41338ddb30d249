package dev.luna.designsystem;

/**
 * One semantic colour: its light and dark sRGB values ({@code #RRGGBB}) and what it is for.
 *
 * @param name        the token name, e.g. {@code secondaryLabel} (also the Swift asset and theme key)
 * @param light       the value in light appearance
 * @param dark        the value in dark appearance
 * @param role        text, background or decorative; the contrast report pairs text with backgrounds
 * @param on          for a text colour meant for one filled surface only (e.g. {@code onTint}), that surface's name; else null
 * @param description what the colour is for
 */
public record ColorToken(String name, String light, String dark, Role role, String on, String description) {

    /** How a colour is used, which decides the pairs the contrast report checks. */
    public enum Role { TEXT, BACKGROUND, DECORATIVE }

    /** The value in the given appearance. */
    public String value(Appearance appearance) {
        return appearance == Appearance.LIGHT ? light : dark;
    }

    /** Light or dark appearance (Dark Mode). */
    public enum Appearance { LIGHT, DARK }
}
