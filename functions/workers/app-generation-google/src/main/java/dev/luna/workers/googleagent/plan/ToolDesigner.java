package dev.luna.workers.googleagent.plan;

import dev.luna.workers.googleagent.input.ApiOperation;
import dev.luna.workers.googleagent.input.ApiParam;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns an operation into a tool: its kind (get-one, list, create, action, update, delete), name, title, a description
 * for the model (≤ {@value #MAX_DESCRIPTION} characters; the document's text when it has some, else from the method,
 * path and types), its inputs with examples, and three sample utterances.
 */
final class ToolDesigner {
    static final int MAX_DESCRIPTION = 300;
    /** Trailing path words that name a form or a search rather than a resource (Spring MVC style /owners/new, /owners/{id}/edit). */
    static final java.util.Set<String> FORM_WORDS = java.util.Set.of("new", "create", "add", "edit", "update");
    static final java.util.Set<String> SEARCH_WORDS = java.util.Set.of("find", "search");

    /** The kind of {@code op}: which phrasing rules apply. */
    static String kind(ApiOperation op) {
        var segments = segments(op.path());
        boolean endsWithParam = !segments.isEmpty() && isParam(segments.get(segments.size() - 1));
        String last = segments.isEmpty() ? "" : segments.get(segments.size() - 1).toLowerCase(java.util.Locale.ROOT);
        if (FORM_WORDS.contains(last)) {
            boolean creates = last.equals("new") || last.equals("create") || last.equals("add");
            if (op.method().equals("GET")) return creates ? "create-form" : "edit-form";
            if (op.method().equals("POST") || op.method().equals("PUT") || op.method().equals("PATCH")) return creates ? "create" : "update";
        }
        if (SEARCH_WORDS.contains(last) && op.method().equals("GET")) return "list";
        return switch (op.method()) {
            case "POST" -> segments.size() >= 2 && !endsWithParam && isParam(segments.get(segments.size() - 2)) ? "action" : "create";
            case "PUT", "PATCH" -> "update";
            case "DELETE" -> "delete";
            default -> endsWithParam ? "get-one" : "list";
        };
    }

    /** The slots the phrasing rules use: one, many, by, example, action. */
    static Map<String, String> slots(ApiOperation op) {
        var segments = segments(op.path());
        String kind = kind(op);
        var statics = segments.stream().filter(s -> !isParam(s) && !Words.phrase(s).isEmpty()).toList();
        if (!kind.equals("action") && statics.size() > 1 && (FORM_WORDS.contains(statics.get(statics.size() - 1).toLowerCase(java.util.Locale.ROOT))
                || SEARCH_WORDS.contains(statics.get(statics.size() - 1).toLowerCase(java.util.Locale.ROOT)))) {
            statics = statics.subList(0, statics.size() - 1);
        }
        boolean isAction = kind.equals("action") && !statics.isEmpty();
        String action = isAction ? Words.phrase(statics.get(statics.size() - 1)) : kind.equals("action") ? "run" : "";
        var nouns = isAction ? statics.subList(0, statics.size() - 1) : statics;
        String many = nouns.isEmpty() ? "items" : Words.phrase(nouns.get(nouns.size() - 1));
        var manyWords = Words.split(many);
        String one = manyWords.isEmpty() ? "item" : String.join(" ", manyWords.subList(0, manyWords.size() - 1)) + " " + Words.singular(manyWords.get(manyWords.size() - 1));
        var pathParams = op.params().stream().filter(p -> p.in().equals("path")).toList();
        String by = pathParams.isEmpty() ? "its id" : String.join(" and ", pathParams.stream().map(p -> Words.phrase(p.name())).toList());
        String example = pathParams.isEmpty() ? "" : spoken(pathParams.get(pathParams.size() - 1));
        var slots = new LinkedHashMap<String, String>();
        slots.put("one", one.strip());
        slots.put("many", many);
        slots.put("by", by);
        slots.put("example", example);
        slots.put("action", action);
        return slots;
    }

    static Tool design(ApiOperation op, Set<String> takenNames, String skill) {
        String kind = kind(op);
        var slots = slots(op);
        String name = unique(op.id() != null ? Words.identifier(op.id()) : Words.identifier(verb(kind, slots)), takenNames);
        var inputs = inputs(op);
        return new Tool(name, op.method(), op.path(), Phrasing.title(kind, slots), description(op, kind, slots), inputs, op.bodyType() != null,
                !op.changesData(), op.destructive(), skill, Phrasing.utterances(kind, slots), op.location());
    }

    private static String verb(String kind, Map<String, String> slots) {
        return switch (kind) {
            case "get-one" -> "get " + slots.get("one");
            case "create-form" -> "get new " + slots.get("one") + " form";
            case "edit-form" -> "get edit " + slots.get("one") + " form";
            case "list" -> "list " + slots.get("many");
            case "action" -> slots.get("action") + " " + slots.get("one");
            default -> kind + " " + slots.get("one");
        };
    }

    static String description(ApiOperation op, String kind, Map<String, String> slots) {
        String base = !op.summary().isEmpty() || !op.description().isEmpty()
                ? (op.summary() + (op.summary().isEmpty() || op.summary().endsWith(".") ? " " : ". ") + op.description()).strip()
                : Phrasing.does(kind, slots);
        var extra = new StringBuilder();
        var filters = op.params().stream().filter(p -> p.in().equals("query")).map(p -> Words.phrase(p.name())).toList();
        if (!filters.isEmpty() && op.summary().isEmpty() && op.description().isEmpty()) extra.append(" Optional filters: ").append(String.join(", ", filters)).append('.');
        if (op.response() != null && !op.response().equals("any") && !op.response().equals("string")) extra.append(" Returns ").append(Words.phrase(op.response())).append('.');
        if (op.destructive()) extra.append(" Deletes or replaces data: confirm with the user first.");
        else if (op.changesData()) extra.append(" Changes data: confirm with the user first.");
        String tail = extra.toString();
        return Words.clip(base, MAX_DESCRIPTION - tail.length()) + tail;
    }

    private static List<ToolInput> inputs(ApiOperation op) {
        var out = new ArrayList<ToolInput>();
        var names = new HashSet<String>();
        for (ApiParam p : op.params()) {
            String description = p.description().isBlank()
                    ? Words.capitalise(Words.phrase(p.name())) + (p.in().equals("body") ? ", a field of the request body" : " (" + p.in() + " parameter)")
                    : p.description();
            if (!p.values().isEmpty()) description += "; one of " + String.join(", ", p.values());
            out.add(new ToolInput(unique(Words.identifier(p.name()), names), p.name(), p.in(), p.type(), p.required(), Words.clip(description, 200),
                    example(p), p.values()));
        }
        if (op.bodyType() != null && out.stream().noneMatch(i -> i.in().equals("body"))) {
            out.add(new ToolInput(unique("payload", names), "", "body", "object", true, "The request body as a JSON object", "{}", List.of()));
        }
        return out;
    }

    /** A sample value as JSON text. */
    static String example(ApiParam p) {
        if (!p.values().isEmpty()) return "\"" + p.values().get(0).replace("\"", "") + "\"";
        return switch (p.type()) {
            case "integer" -> "1";
            case "number" -> "1.5";
            case "boolean" -> "true";
            case "array" -> "[]";
            case "object" -> "{}";
            default -> "date-time".equals(p.format()) ? "\"2025-01-01T00:00:00Z\"" : "date".equals(p.format()) ? "\"2025-01-01\""
                    : Words.split(p.name()).contains("id") ? "\"abc123\"" : "\"sample " + Words.phrase(p.name()).replace("\"", "") + "\"";
        };
    }

    /** A sample value as spoken in an utterance. */
    static String spoken(ApiParam p) {
        String json = example(p);
        return json.startsWith("\"") ? json.substring(1, json.length() - 1) : json;
    }

    static String unique(String name, Set<String> taken) {
        String out = name;
        for (int i = 2; !taken.add(out); i++) out = name + i;
        return out;
    }

    static List<String> segments(String path) {
        var out = new ArrayList<String>();
        for (String s : path.split("/")) if (!s.isEmpty()) out.add(s);
        return out;
    }

    static boolean isParam(String segment) {
        return segment.startsWith("{") || segment.startsWith(":");
    }
}
