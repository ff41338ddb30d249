package dev.luna.workers.requirements;

import java.util.Locale;

/** Names for people: slugs, resource names from paths, singulars, humanised identifiers. Locale-independent. */
final class Words {
    private Words() {
    }

    /** {@code pet-types} from {@code PetTypes}, {@code pet_types}, {@code Pet Types}; "item" when nothing is left. */
    static String slug(String text) {
        String s = text.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        if (s.length() > 60) s = s.substring(0, 60).replaceAll("-+$", "");
        return s.isEmpty() ? "item" : s;
    }

    /** The resource a path is about: its first segment that is not {@code api}, a version or a parameter; "root" for none. */
    static String resource(String path) {
        for (String seg : path.split("/")) {
            if (seg.isEmpty() || seg.startsWith("{") || seg.startsWith(":") || seg.startsWith("*") || seg.startsWith("$")) continue;
            String lower = seg.toLowerCase(Locale.ROOT);
            if (lower.equals("api") || lower.equals("rest") || lower.matches("v\\d+(\\.\\d+)?") || lower.equals("public")) continue;
            return slug(seg);
        }
        return "root";
    }

    /** {@code owners} → {@code owner}, {@code categories} → {@code category}, {@code addresses} → {@code address}. */
    static String singular(String word) {
        if (word.endsWith("ies") && word.length() > 4) return word.substring(0, word.length() - 3) + "y";
        if (word.endsWith("sses") || word.endsWith("xes") || word.endsWith("ches") || word.endsWith("shes")) return word.substring(0, word.length() - 2);
        if (word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us") && word.length() > 3) return word.substring(0, word.length() - 1);
        return word;
    }

    /** {@code pet-types} → {@code pet types}. */
    static String human(String slugOrName) {
        return slugOrName.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("[-_.]+", " ").toLowerCase(Locale.ROOT).strip();
    }

    /** A feature's title from its slug: {@code pet-types} → {@code Pet types}; the root path's feature is "Home". */
    static String title(String slug) {
        return slug.equals("root") ? "Home" : capital(human(slug));
    }

    /** {@code pet types} → {@code Pet types}. */
    static String capital(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }

    /** One line, whitespace collapsed, at most {@code max} characters. */
    static String line(String text, int max) {
        String t = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return t.length() > max ? t.substring(0, max - 1) + "…" : t;
    }

    /** The simple class name of a symbol ({@code com.acme.OwnerController#list()} → {@code OwnerController}). */
    static String simpleType(String symbol) {
        String s = symbol.contains("#") ? symbol.substring(0, symbol.indexOf('#')) : symbol;
        return s.substring(s.lastIndexOf('.') + 1);
    }

    /** The subject a test class is about: {@code OwnerControllerTests} → {@code owner}. */
    static String testSubject(String typeName) {
        String s = typeName.replaceAll("(Tests?|IT|Spec|Specs|IntegrationTests?)$", "").replaceAll("(Controller|Resource|Service|Handler|Api|Endpoint|Repository)$", "");
        return slug(s.isEmpty() ? typeName : s);
    }
}
