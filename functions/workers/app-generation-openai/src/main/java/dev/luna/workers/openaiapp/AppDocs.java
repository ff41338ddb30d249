package dev.luna.workers.openaiapp;

import dev.luna.codebase.apispec.ApiOperation;
import dev.luna.codebase.apispec.ApiSpec;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** {@code instructions.md} (≤ 8,000 characters, with conversation starters), {@code manifest.json} and {@code deployment.md}. */
final class AppDocs {
    static final int STARTERS = 4;

    private AppDocs() {
    }

    static String instructions(ApiSpec api, OperationChoice.Result choice, String appName, Describer describer) {
        var chosen = choice.chosen();
        for (int shown = chosen.size(); shown >= 0; shown--) {
            var view = new LinkedHashMap<String, Object>();
            view.put("appName", appName);
            view.put("apiTitle", api.title());
            var actions = new ArrayList<Map<String, Object>>();
            for (var op : chosen.subList(0, shown)) {
                actions.add(Ordered.map("operationId", op.operationId(), "method", op.method(), "path", op.path(),
                        "when", Describer.limit(describer.description(op).replace(" Changes data: confirm with the user first.", "")
                                .replace(" Destructive: confirm with the user first.", ""), 220), "confirm", op.changesData()));
            }
            view.put("actions", actions);
            int more = chosen.size() - shown + choice.omitted().size();
            view.put("more", more > 0 ? more : null);
            var confirm = chosen.stream().filter(ApiOperation::changesData).map(op -> "`" + op.operationId() + "`").toList();
            var destructive = chosen.stream().filter(ApiOperation::destructive).map(op -> "`" + op.operationId() + "`").toList();
            view.put("hasConfirmations", !confirm.isEmpty());
            view.put("confirmations", String.join(", ", confirm));
            view.put("hasDestructive", !destructive.isEmpty());
            view.put("destructive", String.join(", ", destructive));
            view.put("starters", starters(chosen));
            String text = Templates.render("instructions.md.mustache", view);
            if (text.length() <= ActionsCheck.MAX_INSTRUCTIONS) return text;
        }
        throw new IllegalStateException("instructions do not fit in " + ActionsCheck.MAX_INSTRUCTIONS + " characters");
    }

    /** Up to {@value #STARTERS} starters: reads of collections first, then item reads, then creations. */
    static List<String> starters(List<ApiOperation> chosen) {
        var out = new LinkedHashSet<String>();
        for (int pass = 0; pass < 3 && out.size() < STARTERS; pass++) {
            for (var op : chosen) {
                if (out.size() >= STARTERS) break;
                if (java.util.Arrays.stream(op.path().split("/")).anyMatch(OperationChoice.LOW_VALUE::contains)) continue;
                if (op.path().equals("/") || (Describer.action(op.path()) != null && pass < 2)) continue;
                String resource = Describer.resource(op);
                boolean item = op.path().endsWith("}");
                if (pass == 0 && op.method().equals("GET") && !item) out.add("Show me the " + resource + ".");
                if (pass == 1 && op.method().equals("GET") && item) out.add("Look up one " + Describer.singular(resource) + " for me.");
                if (pass == 2 && op.method().equals("POST")) out.add("Help me create a new " + Describer.singular(resource) + ".");
            }
        }
        if (out.isEmpty()) out.add("What can you do for me?");
        return List.copyOf(out);
    }

    static Map<String, Object> manifest(ApiSpec api, AppOptions options, String appName, int operations) {
        String host = URI.create(options.baseUrl()).getHost();
        String domain = host == null ? "example.com" : host.startsWith("api.") ? host.substring(4) : host;
        var m = new LinkedHashMap<String, Object>();
        m.put("schemaVersion", "1");
        m.put("name", appName);
        m.put("description", Describer.limit("Works with " + api.title() + " for you: " + operations + " actions on its API"
                + (options.capabilities().isEmpty() ? "." : ", for " + String.join(", ", options.capabilities()) + "."), 300));
        m.put("logo", Ordered.map("url", "https://" + domain + "/logo.png", "placeholder", true, "size", "512x512 PNG"));
        var auth = new LinkedHashMap<String, Object>();
        auth.put("type", options.auth());
        if (options.auth().equals("apiKey")) auth.put("header", ActionsSchema.API_KEY_HEADER);
        if (options.auth().equals("oauth")) {
            auth.put("authorizationUrl", options.baseUrl() + "/oauth/authorize");
            auth.put("tokenUrl", options.baseUrl() + "/oauth/token");
        }
        m.put("auth", auth);
        m.put("api", Ordered.map("type", "openapi", "url", "openapi.actions.json", "server", options.baseUrl()));
        m.put("mcp", Ordered.map("path", "mcp-server/", "transports", List.of("streamable-http", "stdio")));
        m.put("contact", Ordered.map("email", "support@" + domain, "placeholder", true));
        var legal = new LinkedHashMap<String, Object>();
        legal.put("privacyPolicyUrl", "https://" + domain + "/privacy");
        legal.put("termsOfServiceUrl", "https://" + domain + "/terms");
        legal.put("placeholder", true);
        m.put("legal", legal);
        return m;
    }

    static String deployment(ApiSpec api, OperationChoice.Result choice, AppOptions options, String appName, Map<String, Object> manifest) {
        var view = new LinkedHashMap<String, Object>();
        view.put("appName", appName);
        view.put("sourceSentence", api.source().equals(ApiSpec.OPENAPI) ? "the OpenAPI document `" + api.document() + "`" : "the endpoints found in the code");
        view.put("chosenCount", choice.chosen().size());
        view.put("totalCount", choice.chosen().size() + choice.omitted().size());
        view.put("baseUrl", options.baseUrl());
        view.put("authed", !options.auth().equals("none"));
        view.put("authSteps", switch (options.auth()) {
            case "apiKey" -> "API Key, Auth Type Custom, header name `" + ActionsSchema.API_KEY_HEADER + "`; paste the key.";
            case "oauth" -> "OAuth; client ID and secret of an OAuth client registered with the API, authorization URL `" + options.baseUrl()
                    + "/oauth/authorize`, token URL `" + options.baseUrl() + "/oauth/token`; add ChatGPT's callback URL to the client.";
            default -> "None (the API is public).";
        });
        @SuppressWarnings("unchecked") var logo = (Map<String, Object>) manifest.get("logo");
        @SuppressWarnings("unchecked") var legal = (Map<String, Object>) manifest.get("legal");
        @SuppressWarnings("unchecked") var contact = (Map<String, Object>) manifest.get("contact");
        view.put("placeholders", List.of(logo.get("url"), contact.get("email"), legal.get("privacyPolicyUrl"), legal.get("termsOfServiceUrl")));
        view.put("hasOmitted", !choice.omitted().isEmpty());
        view.put("omittedCount", choice.omitted().size());
        view.put("omitted", choice.omitted().stream().map(s -> Ordered.map("operationId", s.operation().operationId(), "method", s.operation().method(),
                "path", s.operation().path(), "reason", s.reason())).toList());
        return Templates.render("deployment.md.mustache", view);
    }
}
