package dev.luna.workers.googleagent.render;

import dev.luna.workers.googleagent.plan.AgentPlan;
import dev.luna.workers.googleagent.plan.Tool;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** conversation.md (from conversation.json's content) and deployment.md. */
public final class Docs {
    private Docs() {
    }

    @SuppressWarnings("unchecked")
    public static String conversation(AgentPlan plan, Map<String, Object> conversation) {
        var view = new LinkedHashMap<String, Object>();
        var voice = (Map<String, Object>) conversation.get("voice");
        var fallback = (Map<String, Object>) conversation.get("fallback");
        view.put("appName", plan.appName());
        view.put("maxSpoken", voice.get("maxSpokenCharacters"));
        view.put("locale", conversation.get("locale"));
        view.put("speakingRate", voice.get("speakingRate"));
        view.put("bargeIn", voice.get("bargeIn"));
        view.put("style", voice.get("style"));
        view.put("welcome", conversation.get("welcome"));
        view.put("fallbackPrompt", fallback.get("prompt"));
        view.put("fallbackReprompt", fallback.get("reprompt"));
        view.put("goodbye", conversation.get("goodbye"));
        var intents = new ArrayList<Map<String, Object>>();
        for (var intent : (List<Map<String, Object>>) conversation.get("intents")) {
            var v = new LinkedHashMap<>(intent);
            v.put("hasSlots", !((List<?>) intent.get("slots")).isEmpty());
            if (intent.get("confirmation") == null) v.put("confirmation", false);
            intents.add(v);
        }
        view.put("intents", intents);
        view.put("errors", conversation.get("errors"));
        return Templates.render("docs/conversation.md", view);
    }

    public static String deployment(AgentPlan plan) {
        var view = new LinkedHashMap<String, Object>();
        view.put("appName", plan.appName());
        view.put("appId", plan.appId());
        view.put("adkVersion", AdkProject.ADK_VERSION);
        view.put("baseUrl", plan.options().baseUrl());
        view.put("upstreamAuth", switch (plan.options().auth()) {
            case "apiKey" -> "`--set-secrets UPSTREAM_API_KEY=upstream-api-key:latest` (sent as `X-API-Key`; change it with `UPSTREAM_API_KEY_HEADER`).";
            case "oauth" -> "`--set-secrets UPSTREAM_TOKEN=upstream-token:latest` (sent as a bearer token; refresh it out of band).";
            default -> "none needed (options.auth is none).";
        });
        view.put("authDeclared", switch (plan.options().auth()) {
            case "apiKey" -> "an API key in the `X-API-Key` header";
            case "oauth" -> "OAuth 2.0 (authorization code with PKCE; put your authorization server's URLs in the card)";
            default -> "no security scheme (public)";
        });
        view.put("authNote", plan.options().auth().equals("none") ? ""
                : "Enforce the card's security scheme in front of the service (`--no-allow-unauthenticated` with IAM, or API Gateway); the generated server does not check credentials itself.");
        view.put("confirmCount", plan.tools().stream().filter(Tool::confirm).count());
        view.put("toolCount", plan.tools().size());
        view.put("hasLeftOut", !plan.leftOut().isEmpty());
        view.put("leftOut", plan.leftOut());
        return Templates.render("docs/deployment.md", view);
    }
}
