package dev.luna.workers.openaiapp;

import dev.luna.codebase.apispec.ApiOperation;
import dev.luna.codebase.apispec.ApiParam;
import dev.luna.codebase.apispec.ApiSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Deterministic prose for a model: what an operation does, when to call it and what it returns, from the document's
 * summary and description or the handler's comment, else from its method, path and schemas. At most
 * {@value #MAX_DESCRIPTION} characters, cut on a word.
 */
final class Describer {
    static final int MAX_DESCRIPTION = 300;
    static final int MAX_PARAM = 200;
    private final ApiSpec api;
    private final Map<String, String> prose;

    /** @param prose model-written descriptions by operationId, used instead of the derived ones; or null */
    Describer(ApiSpec api, Map<String, String> prose) {
        this.api = api;
        this.prose = prose == null ? Map.of() : prose;
    }

    /** The operation's description for a model: the model's when given, else derived. */
    String description(ApiOperation op) {
        String written = prose.get(op.operationId());
        if (written != null && !written.isBlank()) return limit(written, MAX_DESCRIPTION);
        return derivedDescription(op);
    }

    /** The deterministic description, from the API's text or the operation's shape. */
    String derivedDescription(ApiOperation op) {
        String confirm = op.destructive() ? " Destructive: confirm with the user first." : op.changesData() ? " Changes data: confirm with the user first." : "";
        String tail = limit("Call it when the user wants to " + intent(op) + ". Returns " + returns(op.response()) + ".", 200 - confirm.length()) + confirm;
        return limit(what(op), MAX_DESCRIPTION - tail.length() - 1) + " " + tail;
    }

    /** What the operation does: the summary and the description (without repeating one in the other), else derived. */
    private static String what(ApiOperation op) {
        String summary = op.summary().strip();
        String description = op.description().strip().replaceAll("\\s+", " ");
        if (description.isEmpty()) return sentence(summary.isEmpty() ? derived(op) : summary);
        if (summary.isEmpty() || description.startsWith(stripDot(summary))) return sentence(description);
        return sentence(summary) + " " + sentence(description);
    }

    /** One line naming the operation, for lists. */
    String title(ApiOperation op) {
        return limit(!op.summary().isEmpty() ? stripDot(op.summary()) : stripDot(derived(op)), 80);
    }

    String paramDescription(ApiParam p, ApiOperation op) {
        if (!p.description().isEmpty()) return limit(p.description(), MAX_PARAM);
        String noun = words(p.name());
        return switch (p.in()) {
            case "path" -> "The " + noun + " identifying the " + singular(resource(op)) + ".";
            case "header" -> "The " + p.name() + " header.";
            default -> (p.required() ? "Required: " : "Optional: ") + noun + " to filter or shape the result.";
        };
    }

    /** GET /owners/{ownerId}/pets → "List pets of an owner". */
    static String derived(ApiOperation op) {
        String resource = resource(op);
        boolean item = op.path().endsWith("}");
        String action = action(op.path());
        if (action != null) {
            String verb = switch (action) {
                case "new", "create", "add" -> "create";
                case "edit", "update" -> "update";
                default -> "search";
            };
            String target = verb.equals("search") ? resource : article(singular(resource)) + " " + singular(resource);
            return op.method().equals("GET") && !verb.equals("search") ? "Open the form to " + verb + " " + target
                    : Character.toUpperCase(verb.charAt(0)) + verb.substring(1) + " " + target;
        }
        return switch (op.method()) {
            case "GET" -> item ? "Get one " + singular(resource) + " by " + words(lastParam(op.path())) : "List " + resource;
            case "POST" -> "Create " + article(singular(resource)) + " " + singular(resource);
            case "PUT" -> "Replace " + article(singular(resource)) + " " + singular(resource);
            case "PATCH" -> "Update " + article(singular(resource)) + " " + singular(resource);
            case "DELETE" -> "Delete " + article(singular(resource)) + " " + singular(resource);
            default -> op.method() + " " + op.path();
        };
    }

    private static String intent(ApiOperation op) {
        String resource = resource(op);
        boolean item = op.path().endsWith("}");
        String action = action(op.path());
        if (action != null) return derived(op).toLowerCase(Locale.ROOT).replace("open the form to ", "");
        return switch (op.method()) {
            case "GET" -> item ? "see the details of one " + singular(resource) : "find or list " + resource;
            case "POST" -> "create " + article(singular(resource)) + " " + singular(resource) + "";
            case "PUT", "PATCH" -> "change " + article(singular(resource)) + " " + singular(resource);
            case "DELETE" -> "remove " + article(singular(resource)) + " " + singular(resource);
            default -> "use " + op.path();
        };
    }

    /** "a list of Owner objects (id, firstName, …)", "the Owner (id, firstName, …)", "the API's JSON response". */
    String returns(Map<String, Object> schema) {
        if (schema == null || schema.isEmpty()) return "the API's response";
        if ("array".equals(schema.get("type")) && schema.get("items") instanceof Map<?, ?> items) {
            String name = refName(items);
            return name == null ? "a list" : "a list of " + name + " objects" + fields(name);
        }
        String name = refName(schema);
        if (name != null) return "the " + name + fields(name);
        Object type = schema.get("type");
        return type instanceof String t && !t.equals("object") ? "a " + t : "a JSON object";
    }

    private String fields(String name) {
        var schema = api.schemas().get(name);
        if (schema == null || !(schema.get("properties") instanceof Map<?, ?> props) || props.isEmpty()) return "";
        var names = new ArrayList<String>();
        for (var k : props.keySet()) if (names.size() < 5) names.add(String.valueOf(k));
        return " (" + String.join(", ", names) + (props.size() > 5 ? ", …" : "") + ")";
    }

    static String refName(Map<?, ?> schema) {
        return schema.get("$ref") instanceof String ref && ref.startsWith("#/components/schemas/") ? ref.substring(21) : null;
    }

    /** Last segments that name an action on the resource before them, not a resource: /owners/{id}/pets/new. */
    static final java.util.Set<String> ACTIONS = java.util.Set.of("new", "create", "add", "edit", "update", "find", "search");

    /** The action the path ends with ({@code new}, {@code edit}, {@code find}…), or null. */
    static String action(String path) {
        String last = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return ACTIONS.contains(last) && path.lastIndexOf('/') > 0 ? last : null;
    }

    /** The last literal path segment that names a resource: /owners/{id}/pets → "pets", /owners/{id}/pets/new → "pets". */
    static String resource(ApiOperation op) {
        var segments = new ArrayList<>(List.of(op.path().split("/")));
        for (int i = segments.size() - 1; i >= 0; i--) {
            String s = segments.get(i);
            if (s.isEmpty() || s.startsWith("{") || s.matches("v\\d+|api")) continue;
            if (i == segments.size() - 1 && action(op.path()) != null) continue;
            return words(s.replaceAll("\\.[a-z]+$", ""));
        }
        return "items";
    }

    private static String lastParam(String path) {
        int open = path.lastIndexOf('{');
        return open < 0 ? "id" : path.substring(open + 1, path.length() - 1);
    }

    static String words(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("[-_.]+", " ").toLowerCase(Locale.ROOT).strip();
    }

    static String singular(String noun) {
        if (noun.endsWith("ies") && noun.length() > 4) return noun.substring(0, noun.length() - 3) + "y";
        if (noun.endsWith("sses") || noun.endsWith("ches") || noun.endsWith("shes") || noun.endsWith("xes")) return noun.substring(0, noun.length() - 2);
        if (noun.endsWith("s") && !noun.endsWith("ss") && noun.length() > 3) return noun.substring(0, noun.length() - 1);
        return noun;
    }

    private static String article(String noun) {
        return !noun.isEmpty() && "aeiou".indexOf(noun.charAt(0)) >= 0 ? "an" : "a";
    }

    private static String firstSentence(String text) {
        int end = text.indexOf(". ");
        return end < 0 ? text : text.substring(0, end + 1);
    }

    private static String sentence(String text) {
        String t = text.strip().replaceAll("\\s+", " ");
        if (t.isEmpty()) return t;
        t = Character.toUpperCase(t.charAt(0)) + t.substring(1);
        return t.endsWith(".") || t.endsWith("!") || t.endsWith("?") || t.endsWith("…") ? t : t + ".";
    }

    private static String stripDot(String s) {
        String t = s.strip();
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }

    /** {@code text} cut to {@code max} characters on a word boundary, with an ellipsis when cut. */
    static String limit(String text, int max) {
        String t = text.replaceAll("\\s+", " ").strip();
        if (t.length() <= max) return t;
        int cut = t.lastIndexOf(' ', max - 1);
        return (cut > max / 2 ? t.substring(0, cut) : t.substring(0, max - 1)).strip() + "…";
    }
}
