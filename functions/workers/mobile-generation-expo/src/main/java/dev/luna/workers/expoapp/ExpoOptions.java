package dev.luna.workers.expoapp;

import dev.luna.tasks.TaskFailedException;
import java.util.Locale;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The type's options, validated against {@code functions/task-types/mobile-generation-expo.schema.json} before the
 * worker runs (a bad value is a 400 naming the field); {@link #of} checks the same rules again for direct callers.
 *
 * @param mode              {@code generate} or {@code audit}
 * @param appName           the display name, or null for the API's title
 * @param slug              the Expo slug, or null to derive it from the name
 * @param bundleId          the iOS bundle id and Android package, or null for {@code dev.luna.<slug>}
 * @param baseUrl           the API's base URL
 * @param navigation        {@code tabs}, {@code stack} or {@code drawer}
 * @param stateManagement   {@code tanstack-query} or {@code context}
 * @param pushNotifications register for push notifications
 * @param offlineSupport    persist the query cache
 * @param auth              {@code auto}, {@code none} or {@code bearer}
 * @param maxResources      at most this many resources become screens
 */
record ExpoOptions(String mode, String appName, String slug, String bundleId, String baseUrl, String navigation, String stateManagement,
                   boolean pushNotifications, boolean offlineSupport, String auth, int maxResources) {
    static final Pattern SLUG = Pattern.compile("^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$");
    static final Pattern BUNDLE_ID = Pattern.compile("^[a-zA-Z][a-zA-Z0-9]*(\\.[a-zA-Z][a-zA-Z0-9]*)+$");
    static final Pattern BASE_URL = Pattern.compile("^https?://[^\\s/?#]+(/[^\\s?#]*)?$");

    static ExpoOptions defaults() {
        return new ExpoOptions("generate", null, null, null, "https://api.example.com", "tabs", "tanstack-query", false, false, "auto", 12);
    }

    ExpoOptions with(String navigation, boolean push, boolean offline, String state) {
        return new ExpoOptions(mode, appName, slug, bundleId, baseUrl, navigation, state, push, offline, auth, maxResources);
    }

    boolean audit() {
        return mode.equals("audit");
    }

    boolean query() {
        return stateManagement.equals("tanstack-query");
    }

    static ExpoOptions of(JsonNode options) {
        if (options == null || options.isNull() || options.isMissingNode()) return defaults();
        var d = defaults();
        String name = text(options, "appName");
        if (name != null && (name.length() > 50 || name.chars().anyMatch(c -> Character.isISOControl(c) || "<>{}\"\\".indexOf(c) >= 0))) {
            throw invalid("options.appName", "1 to 50 characters without control characters, <, >, {, }, \" or \\");
        }
        String slug = text(options, "slug");
        if (slug != null && (slug.length() > 64 || !SLUG.matcher(slug).matches())) {
            throw invalid("options.slug", "lower-case letters, digits and inner hyphens, at most 64 characters");
        }
        String bundleId = text(options, "bundleId");
        if (bundleId != null && (bundleId.length() > 155 || !BUNDLE_ID.matcher(bundleId).matches())) {
            throw invalid("options.bundleId", "reverse-DNS form such as com.example.shop");
        }
        String base = options.path("baseUrl").asString(d.baseUrl());
        if (!BASE_URL.matcher(base).matches()) throw invalid("options.baseUrl", "an http(s) URL");
        while (base.endsWith("/")) base = base.substring(0, base.length() - 1);
        return new ExpoOptions(oneOf(options, "mode", d.mode(), "generate", "audit"), name, slug, bundleId, base,
                oneOf(options, "navigation", d.navigation(), "tabs", "stack", "drawer"),
                oneOf(options, "stateManagement", d.stateManagement(), "tanstack-query", "context"),
                options.path("pushNotifications").asBoolean(false), options.path("offlineSupport").asBoolean(false),
                oneOf(options, "auth", d.auth(), "auto", "none", "bearer"),
                Math.max(1, Math.min(30, options.path("maxResources").asInt(d.maxResources()))));
    }

    private static String text(JsonNode options, String field) {
        var node = options.path(field);
        if (node.isMissingNode() || node.isNull()) return null;
        String s = node.asString("").strip();
        if (s.isEmpty()) throw invalid("options." + field, "a non-empty string");
        return s;
    }

    private static String oneOf(JsonNode options, String field, String fallback, String... allowed) {
        String v = options.path(field).asString(fallback).toLowerCase(Locale.ROOT);
        for (var a : allowed) if (a.equals(v)) return v;
        throw invalid("options." + field, "one of " + String.join(", ", allowed));
    }

    private static TaskFailedException invalid(String field, String expected) {
        return new TaskFailedException(field + " is invalid: expected " + expected, false);
    }
}
