package dev.luna.core;

import java.util.regex.Pattern;

/** A semantic version (semver.org 2.0.0), compared by precedence. */
public record Semver(int major, int minor, int patch, String preRelease, String build) implements Comparable<Semver> {
    private static final Pattern SEMVER = Pattern.compile(
            "(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})"
                    + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
                    + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?");

    public static boolean isValid(String text) {
        return text != null && text.length() <= 128 && SEMVER.matcher(text).matches();
    }

    public static Semver parse(String text) {
        var m = text == null ? null : SEMVER.matcher(text);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("not a semantic version: " + text);
        }
        return new Semver(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                m.group(4), m.group(5));
    }

    @Override
    public int compareTo(Semver o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) c = Integer.compare(minor, o.minor);
        if (c == 0) c = Integer.compare(patch, o.patch);
        if (c != 0) return c;
        if (preRelease == null) return o.preRelease == null ? 0 : 1;
        if (o.preRelease == null) return -1;
        String[] a = preRelease.split("\\."), b = o.preRelease.split("\\.");
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            boolean na = a[i].chars().allMatch(Character::isDigit), nb = b[i].chars().allMatch(Character::isDigit);
            int r = na && nb ? Long.compare(Long.parseLong(a[i]), Long.parseLong(b[i]))
                    : na ? -1 : nb ? 1 : a[i].compareTo(b[i]);
            if (r != 0) return r;
        }
        return Integer.compare(a.length, b.length);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch + (preRelease == null ? "" : "-" + preRelease) + (build == null ? "" : "+" + build);
    }
}
