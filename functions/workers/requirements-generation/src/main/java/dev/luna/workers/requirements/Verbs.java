package dev.luna.workers.requirements;

import java.util.Locale;

/** What an HTTP method on a path lets someone do, in story words ({@code to view a single owner}, {@code so that …}). */
record Verbs(String want, String soThat) {
    static Verbs of(String method, String path, String resource) {
        String[] segs = path.split("/");
        String target = resource;
        for (String s : segs) if (!s.isEmpty() && !s.startsWith("{") && !s.equalsIgnoreCase("api") && !s.matches("v\\d+")) target = Words.slug(s);
        String thing = Words.human(target);
        boolean item = segs.length > 0 && segs[segs.length - 1].startsWith("{");
        String one = Words.singular(thing);
        return switch (method.toUpperCase(Locale.ROOT)) {
            case "GET", "HEAD" -> item ? new Verbs("to view a single " + one, "I can see its details")
                    : target.equals(resource) ? new Verbs("to retrieve " + thing, "I can see the information I need")
                    : new Verbs("to use the " + thing + " of " + Words.human(resource), "I can see the information I need");
            case "POST" -> item ? new Verbs("to act on a single " + one, "the system records what I did")
                    : new Verbs("to submit " + Story.article(one) + " " + one, "the system records it");
            case "PUT", "PATCH" -> new Verbs("to update " + Story.article(one) + " " + one, "it stays accurate");
            case "DELETE" -> new Verbs("to delete " + Story.article(one) + " " + one, "it is gone when it is no longer needed");
            default -> new Verbs("to call " + method + " " + path, "I can use what it offers");
        };
    }
}
