package dev.luna.workers.googleagent.render;

import dev.luna.workers.googleagent.plan.AgentPlan;
import dev.luna.workers.googleagent.plan.Tool;
import dev.luna.workers.googleagent.plan.ToolInput;
import dev.luna.workers.googleagent.plan.Words;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * conversation.json: one intent per tool (its utterances, a slot per input the user can say, a confirmation turn when it
 * changes data, a success line), a fallback, error turns and voice settings. Spoken text is short and SSML-safe.
 */
public final class ConversationJson {
    static final int MAX_SPOKEN = 200;

    private ConversationJson() {
    }

    public static Map<String, Object> conversation(AgentPlan plan) {
        var out = new LinkedHashMap<String, Object>();
        out.put("agent", plan.appName());
        out.put("locale", "en-US");
        var voice = new LinkedHashMap<String, Object>();
        voice.put("maxSpokenCharacters", MAX_SPOKEN);
        voice.put("ssmlSafe", true);
        voice.put("style", "One or two short sentences; read at most three items of a list and offer the rest; never read URLs, ids longer than six characters or JSON aloud");
        voice.put("bargeIn", true);
        voice.put("speakingRate", 1.0);
        out.put("voice", voice);
        var topics = plan.skills().stream().map(s -> s.name().toLowerCase(java.util.Locale.ROOT)).toList();
        out.put("welcome", spoken("Hi, this is " + plan.appName() + ". I can help with " + list(topics) + ". What would you like to do?"));
        var intents = new ArrayList<Map<String, Object>>();
        for (Tool t : plan.tools()) intents.add(intent(t));
        out.put("intents", intents);
        out.put("fallback", Map.of("prompt", spoken("Sorry, I did not get that. You can ask me about " + list(topics) + "."),
                "reprompt", spoken("For example, say: " + (plan.tools().isEmpty() ? "help" : plan.tools().get(0).utterances().get(0)) + ".")));
        out.put("errors", List.of(
                error("upstream-unavailable", "the API does not answer or answers 5xx", "The service is not answering right now. Please try again in a minute."),
                error("not-found", "the API answers 404", "I could not find that. Could you check the details and try again?"),
                error("invalid-input", "the API answers 400 or 422", "The service did not accept that. Let us go through the details again."),
                error("not-authorised", "the API answers 401 or 403", "I am not allowed to do that with the current account."),
                error("no-match", "no intent matches twice in a row", "I can not help with that yet. Say help to hear what I can do.")));
        out.put("goodbye", spoken("Goodbye."));
        return sortedFallback(out);
    }

    private static Map<String, Object> intent(Tool t) {
        var intent = new LinkedHashMap<String, Object>();
        intent.put("name", t.name());
        intent.put("title", t.title());
        intent.put("tool", t.name());
        intent.put("method", t.method());
        intent.put("path", t.path());
        intent.put("changesData", !t.readOnly());
        intent.put("utterances", t.utterances().stream().map(ConversationJson::spoken).toList());
        var slotList = new ArrayList<Map<String, Object>>();
        for (ToolInput in : t.inputs()) if (!in.wire().isEmpty()) slotList.add(slot(in));
        intent.put("slots", slotList);
        if (t.confirm()) {
            var confirmation = new LinkedHashMap<String, Object>();
            String what = t.title().toLowerCase(java.util.Locale.ROOT);
            confirmation.put("prompt", spoken((t.destructive() ? "This will " + what + " and can not be undone" : "I am about to " + what) + ". Shall I go ahead?"));
            confirmation.put("onYes", spoken("Okay, doing it now."));
            confirmation.put("onNo", spoken("Okay, I left everything as it was."));
            intent.put("confirmation", confirmation);
        } else {
            intent.put("confirmation", null);
        }
        intent.put("success", spoken(t.readOnly() ? "Here is what I found." : "Done: " + t.title().toLowerCase(java.util.Locale.ROOT) + "."));
        return intent;
    }

    private static Map<String, Object> slot(ToolInput in) {
        var slot = new LinkedHashMap<String, Object>();
        String phrase = Words.phrase(in.wire());
        slot.put("name", in.name());
        slot.put("entity", in.values().isEmpty() ? entity(in.type()) : "enum");
        slot.put("required", in.required());
        String choices = in.values().isEmpty() ? "" : " Say " + list(in.values().stream().limit(4).toList()).replaceFirst(" and ([^,]+)$", " or $1") + ".";
        slot.put("prompt", spoken("What is the " + phrase + "?" + choices));
        String example = in.example().replace("\"", "");
        slot.put("reprompt", spoken("I still need the " + phrase + (example.isEmpty() || example.equals("{}") || example.equals("[]") ? "." : ", for example " + example + ".")));
        slot.put("example", example);
        if (!in.values().isEmpty()) slot.put("values", in.values());
        return slot;
    }

    private static String entity(String type) {
        return switch (type) {
            case "integer", "number" -> "number";
            case "boolean" -> "yes-no";
            case "array" -> "list";
            case "object" -> "structured";
            default -> "text";
        };
    }

    private static Map<String, Object> error(String kind, String when, String say) {
        var e = new LinkedHashMap<String, Object>();
        e.put("kind", kind);
        e.put("when", when);
        e.put("say", spoken(say));
        return e;
    }

    /** SSML-safe, at most {@value #MAX_SPOKEN} characters: no markup characters, no runs of whitespace. */
    public static String spoken(String text) {
        String safe = text.replace("&", " and ").replace("<", " ").replace(">", " ").replaceAll("\\s+", " ").strip();
        return Words.clip(safe, MAX_SPOKEN);
    }

    static String list(List<String> items) {
        if (items.isEmpty()) return "nothing yet";
        if (items.size() == 1) return items.get(0);
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    private static Map<String, Object> sortedFallback(LinkedHashMap<String, Object> out) {
        @SuppressWarnings("unchecked")
        var fallback = (Map<String, Object>) out.get("fallback");
        var ordered = new LinkedHashMap<String, Object>();
        ordered.put("prompt", fallback.get("prompt"));
        ordered.put("reprompt", fallback.get("reprompt"));
        out.put("fallback", ordered);
        return out;
    }
}
