package dev.luna.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/** Collects field violations while a request is checked, then throws them all at once. */
public final class Violations {
    private final List<Violation> list = new ArrayList<>();

    public Violations add(String field, String message) {
        list.add(new Violation(field, message));
        return this;
    }

    public Violations check(boolean ok, String field, String message) {
        if (!ok) add(field, message);
        return this;
    }

    public boolean required(Object value, String field) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            add(field, "is required");
            return false;
        }
        return true;
    }

    public void text(String value, String field, int maxLength, Pattern pattern, String patternHint) {
        if (value == null) return;
        if (value.isBlank()) add(field, "must not be blank");
        else if (value.length() > maxLength) add(field, "must be at most " + maxLength + " characters");
        else if (pattern != null && !pattern.matcher(value).matches()) add(field, patternHint);
    }

    public void range(Number value, String field, double min, double max) {
        if (value == null) return;
        double d = value.doubleValue();
        if (d < min || d > max) add(field, "must be between " + fmt(min) + " and " + fmt(max));
    }

    public void size(Collection<?> value, String field, int max) {
        if (value != null && value.size() > max) add(field, "must have at most " + max + " entries");
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public void throwIfAny() {
        if (!list.isEmpty()) throw new ValidationException(list);
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
