package dev.luna.codebase.apispec;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** Unique operation ids: the preferred name when free, else one made from the method and path, numbered on a clash. */
final class OperationIds {
    private final Set<String> used = new HashSet<>();

    String next(String preferred, String method, String path) {
        String id = clean(preferred);
        if (id.isEmpty() || used.contains(id)) id = fromPath(method, path);
        String base = id;
        for (int n = 2; used.contains(id); n++) id = base + n;
        used.add(id);
        return id;
    }

    /** {@code GET /owners/{ownerId}/pets} → {@code getOwnersByOwnerIdPets}. */
    static String fromPath(String method, String path) {
        var sb = new StringBuilder(method.toLowerCase(Locale.ROOT));
        for (var part : path.split("/")) {
            if (part.isEmpty()) continue;
            boolean param = part.startsWith("{");
            String word = clean(part.replace("{", "").replace("}", "").replace("*", ""));
            if (word.isEmpty()) continue;
            if (param) sb.append("By");
            sb.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return sb.toString();
    }

    /** Letters, digits and '_' only, camel-cased across other characters; starts with a letter. */
    static String clean(String raw) {
        if (raw == null) return "";
        var sb = new StringBuilder();
        boolean upper = false;
        for (char c : raw.toCharArray()) {
            if (Character.isLetterOrDigit(c) && c < 128 || c == '_') {
                sb.append(upper && !sb.isEmpty() ? Character.toUpperCase(c) : c);
                upper = false;
            } else {
                upper = true;
            }
        }
        while (!sb.isEmpty() && !Character.isLetter(sb.charAt(0))) sb.deleteCharAt(0);
        return sb.length() > 64 ? sb.substring(0, 64) : sb.toString();
    }
}
