package dev.luna.workers.swift.plan;

import dev.luna.core.ValidationException;
import dev.luna.core.Violation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The task's options (checked against functions/task-types/mobile-generation-swift.schema.json at submission; checked
 * again here with the same rules and defaults, so a direct call behaves the same and a bad value is a 400 naming the field).
 *
 * @param mode         {@code generate} (a SwiftUI app from the API) or {@code audit} (HIG report and redesign patch of the source)
 * @param platforms    {@code ios}, {@code ipados}, {@code macOS}: an iOS target (iPhone and/or iPad) and/or a macOS target
 * @param bundleId     reverse-DNS bundle identifier of the app
 * @param appName      the app's display name; null = the API's title or project name
 * @param persistence  {@code swiftData} or {@code coreData} for the offline cache of the API's entities
 * @param applePay     wire Apple Pay (PassKit) to the API's payment endpoint
 * @param merchantId   the Apple Pay merchant identifier ({@code merchant.…}); required with applePay
 * @param baseUrl      the API's base URL the client uses by default
 * @param currencyCode ISO 4217 currency of Apple Pay requests
 * @param countryCode  ISO 3166 country of the merchant
 */
public record SwiftOptions(String mode, List<String> platforms, String bundleId, String appName, String persistence, boolean applePay,
                           String merchantId, String baseUrl, String currencyCode, String countryCode) {
    public static final List<String> PLATFORMS = List.of("ios", "ipados", "macOS");
    static final Pattern BUNDLE_ID = Pattern.compile("^[A-Za-z][A-Za-z0-9-]*(\\.[A-Za-z0-9-]+)+$");
    static final Pattern MERCHANT_ID = Pattern.compile("^merchant\\.[A-Za-z0-9][A-Za-z0-9.-]*$");
    static final Pattern URL = Pattern.compile("^https?://[^\\s/?#\"\\\\]+(/[^\\s?#\"\\\\]*)?$");
    public static final SwiftOptions DEFAULT = new SwiftOptions("generate", List.of("ios", "ipados"), "com.example.app", null, "swiftData",
            false, null, "https://api.example.com", "USD", "US");

    public SwiftOptions {
        platforms = PLATFORMS.stream().filter(platforms::contains).toList(); // a stable order whatever the input's
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public boolean audit() {
        return mode.equals("audit");
    }

    public boolean iPhone() {
        return platforms.contains("ios");
    }

    public boolean iPad() {
        return platforms.contains("ipados");
    }

    public boolean macOS() {
        return platforms.contains("macOS");
    }

    public boolean coreData() {
        return persistence.equals("coreData");
    }

    /** Reads and checks {@code options}; every bad field is named in one {@link ValidationException} (a 400). */
    public static SwiftOptions of(JsonNode options) {
        if (options == null || options.isNull() || options.isMissingNode()) return DEFAULT;
        var problems = new ArrayList<Violation>();
        String mode = oneOf(options, "mode", List.of("generate", "audit"), DEFAULT.mode, problems);
        List<String> platforms = DEFAULT.platforms;
        if (options.has("platforms")) {
            var node = options.get("platforms");
            Set<String> seen = new LinkedHashSet<>();
            if (!node.isArray() || node.isEmpty()) problems.add(new Violation("options.platforms", "must be a non-empty array of " + PLATFORMS));
            else node.forEach(n -> {
                if (!n.isString() || !PLATFORMS.contains(n.asString())) problems.add(new Violation("options.platforms", "unknown platform " + n + "; one of " + PLATFORMS));
                else if (!seen.add(n.asString())) problems.add(new Violation("options.platforms", "lists " + n + " twice"));
            });
            platforms = List.copyOf(seen);
        }
        String bundleId = matching(options, "bundleId", BUNDLE_ID, DEFAULT.bundleId, "must be a reverse-DNS identifier such as com.example.app", problems);
        String appName = options.hasNonNull("appName") ? options.get("appName").asString().strip() : null;
        if (appName != null && (appName.isEmpty() || appName.length() > 60)) problems.add(new Violation("options.appName", "must be 1 to 60 characters"));
        String persistence = oneOf(options, "persistence", List.of("swiftData", "coreData"), DEFAULT.persistence, problems);
        boolean applePay = options.has("applePay") && options.get("applePay").asBoolean();
        String merchantId = matching(options, "merchantId", MERCHANT_ID, null, "must look like merchant.com.example.app", problems);
        if (applePay && merchantId == null && !options.has("merchantId")) problems.add(new Violation("options.merchantId", "is required when applePay is true"));
        String baseUrl = matching(options, "baseUrl", URL, DEFAULT.baseUrl, "must be an http(s) URL", problems);
        String currency = matching(options, "currencyCode", Pattern.compile("^[A-Z]{3}$"), DEFAULT.currencyCode, "must be an ISO 4217 code such as USD", problems);
        String country = matching(options, "countryCode", Pattern.compile("^[A-Z]{2}$"), DEFAULT.countryCode, "must be an ISO 3166 code such as US", problems);
        if (!problems.isEmpty()) throw new ValidationException(problems);
        return new SwiftOptions(mode, platforms, bundleId, appName, persistence, applePay, merchantId, baseUrl, currency, country);
    }

    private static String oneOf(JsonNode options, String field, List<String> allowed, String fallback, List<Violation> problems) {
        if (!options.hasNonNull(field)) return fallback;
        String value = options.get(field).asString();
        if (!allowed.contains(value)) {
            problems.add(new Violation("options." + field, "must be one of " + allowed));
            return fallback;
        }
        return value;
    }

    private static String matching(JsonNode options, String field, Pattern pattern, String fallback, String rule, List<Violation> problems) {
        if (!options.hasNonNull(field)) return fallback;
        String value = options.get(field).asString();
        if (!pattern.matcher(value).matches()) {
            problems.add(new Violation("options." + field, rule));
            return fallback;
        }
        return value;
    }
}
