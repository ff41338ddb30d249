package dev.luna.workers.codeanalysis.security;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The call a model row describes: a method (or {@code <init>}, or {@code *} for every method) of a type, matched by
 * the receiver's type (or a subtype, unless {@code exact}), or by name alone when the receiver's type is unknown and
 * the row says {@code byName}, or when the receiver's source text matches {@code hint}.
 */
record CallPattern(String type, String method, boolean byName, boolean exact, Pattern hint) {

    static CallPattern of(String type, String method, Boolean byName, Boolean exact, String hint) {
        if (type == null || type.isBlank()) throw new IllegalArgumentException("model row without a type");
        if (method == null || method.isBlank()) throw new IllegalArgumentException("model row without a method: " + type);
        return new CallPattern(simple(type), method, Boolean.TRUE.equals(byName), Boolean.TRUE.equals(exact),
                hint == null ? null : Pattern.compile(hint, Pattern.CASE_INSENSITIVE));
    }

    /** Whether a call of this method on a receiver of {@code receiverType} (null: unknown) matches. */
    boolean matches(String receiverType, String receiverText, TypeHierarchy types) {
        if (receiverType != null) {
            if (exact) return receiverType.equals(type);
            if (types.isSubtype(receiverType, type)) return true;
            // a type the analysis knows nothing about (not in the models, not in the project) may still be the named one
            if (!types.known(receiverType)) return byName || hintMatches(receiverText);
            return false;
        }
        return byName || hintMatches(receiverText);
    }

    private boolean hintMatches(String receiverText) {
        return hint != null && receiverText != null && hint.matcher(receiverText.toLowerCase(Locale.ROOT)).find();
    }

    static String simple(String type) {
        String t = type.strip();
        int generic = t.indexOf('<');
        if (generic >= 0) t = t.substring(0, generic);
        int dot = t.lastIndexOf('.');
        return dot >= 0 ? t.substring(dot + 1) : t;
    }
}
