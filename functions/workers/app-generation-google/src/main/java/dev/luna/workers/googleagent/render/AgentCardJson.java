package dev.luna.workers.googleagent.render;

import dev.luna.workers.googleagent.plan.AgentPlan;
import dev.luna.workers.googleagent.plan.Skill;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The A2A Agent Card, in the v1.0 shape of {@code @a2a-js/sdk} 1.3.0 ({@code supportedInterfaces[]}, protobuf-JSON
 * security schemes). Its one interface is JSON-RPC at the agent URL with protocol version 0.3: the wire methods the
 * generated server speaks are {@code message/send}, {@code message/stream} and {@code tasks/get}. Push notifications
 * are declared false because the generated server does not send them.
 */
public final class AgentCardJson {
    public static final String PROTOCOL_BINDING = "JSONRPC";
    public static final String PROTOCOL_VERSION = "0.3";

    private AgentCardJson() {
    }

    public static Map<String, Object> card(AgentPlan plan) {
        var card = new LinkedHashMap<String, Object>();
        card.put("name", plan.appName());
        card.put("description", plan.description());
        var iface = new LinkedHashMap<String, Object>();
        iface.put("url", plan.options().agentUrl());
        iface.put("protocolBinding", PROTOCOL_BINDING);
        iface.put("protocolVersion", PROTOCOL_VERSION);
        card.put("supportedInterfaces", List.of(iface));
        var provider = new LinkedHashMap<String, Object>();
        provider.put("organization", plan.appName());
        provider.put("url", origin(plan.options().baseUrl()));
        card.put("provider", provider);
        card.put("version", "0.1.0");
        var capabilities = new LinkedHashMap<String, Object>();
        capabilities.put("streaming", true);
        capabilities.put("pushNotifications", false);
        capabilities.put("extendedAgentCard", false);
        card.put("capabilities", capabilities);
        switch (plan.options().auth()) {
            case "apiKey" -> {
                var scheme = new LinkedHashMap<String, Object>();
                scheme.put("description", "An API key in the X-API-Key header");
                scheme.put("location", "header");
                scheme.put("name", "X-API-Key");
                card.put("securitySchemes", Map.of("apiKey", Map.of("apiKeySecurityScheme", scheme)));
                card.put("securityRequirements", List.of(Map.of("schemes", Map.of("apiKey", Map.of("list", List.of())))));
            }
            case "oauth" -> {
                String issuer = origin(plan.options().baseUrl());
                var flow = new LinkedHashMap<String, Object>();
                flow.put("authorizationUrl", issuer + "/oauth/authorize");
                flow.put("tokenUrl", issuer + "/oauth/token");
                flow.put("scopes", Map.of());
                flow.put("pkceRequired", true);
                var scheme = new LinkedHashMap<String, Object>();
                scheme.put("description", "OAuth 2.0 authorization code with PKCE; replace the URLs with your authorization server's");
                scheme.put("flows", Map.of("authorizationCode", flow));
                card.put("securitySchemes", Map.of("oauth", Map.of("oauth2SecurityScheme", scheme)));
                card.put("securityRequirements", List.of(Map.of("schemes", Map.of("oauth", Map.of("list", List.of())))));
            }
            default -> {
            }
        }
        card.put("defaultInputModes", List.of("text/plain"));
        card.put("defaultOutputModes", List.of("text/plain"));
        var skills = new ArrayList<Map<String, Object>>();
        for (Skill s : plan.skills()) {
            var skill = new LinkedHashMap<String, Object>();
            skill.put("id", s.id());
            skill.put("name", s.name());
            skill.put("description", s.description());
            skill.put("tags", s.tags());
            skill.put("examples", s.examples());
            skills.add(skill);
        }
        card.put("skills", skills);
        return card;
    }

    /** {@code https://api.example.com/v1} → {@code https://api.example.com}. */
    static String origin(String url) {
        var u = URI.create(url);
        return u.getScheme() + "://" + u.getAuthority();
    }
}
