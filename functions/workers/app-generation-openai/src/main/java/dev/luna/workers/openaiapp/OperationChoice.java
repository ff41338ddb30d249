package dev.luna.workers.openaiapp;

import dev.luna.codebase.apispec.ApiOperation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Picks the operations the app offers: at most {@link AppOptions#maxOperations}, chosen by value. Included ones first,
 * excluded ones never; then a score (rules as data in {@link #LOW_VALUE}): matches with {@code capabilities}, documented
 * operations, reads of collections and items, typed bodies; operational and internal paths, deprecated operations and
 * HEAD/OPTIONS rank last. The chosen ones keep the API's order (path, then method).
 */
final class OperationChoice {
    /** Path segments of operational or internal endpoints that a conversational app rarely needs. */
    static final Set<String> LOW_VALUE = Set.of("actuator", "health", "healthz", "metrics", "internal", "admin", "debug", "error", "ping",
            "status", "swagger", "api-docs", "v3", "openapi", "csrf", "login", "logout", "oauth", "webhooks", "webhook",
            ".well-known", "callback", "login-actions", "static", "assets", "lb-check", "favicon.ico", "robots.txt");
    /** Comments that tell callers to keep away. */
    static final java.util.regex.Pattern KEEP_AWAY = java.util.regex.Pattern.compile(
            "(?i)(never|not|n't) (be )?(invoke|call)(d|ed)? (this )?directly|internal use only|for internal use");

    record Scored(ApiOperation operation, int score, String reason) {
    }

    /**
     * @param chosen  offered, in API order
     * @param omitted not offered, in API order, each with the reason
     */
    record Result(List<ApiOperation> chosen, List<Scored> omitted) {
    }

    static Result choose(List<ApiOperation> operations, AppOptions options) {
        var scored = new ArrayList<Scored>();
        var excluded = new ArrayList<Scored>();
        for (var op : operations) {
            if (matchesAny(op, options.exclude())) {
                excluded.add(new Scored(op, Integer.MIN_VALUE, "excluded by options.operations.exclude"));
            } else {
                scored.add(new Scored(op, score(op, options), ""));
            }
        }
        scored.sort(Comparator.comparingInt((Scored s) -> -s.score()).thenComparing(s -> s.operation(), ApiOperation.ORDER));
        var chosen = new ArrayList<ApiOperation>();
        var omitted = new ArrayList<>(excluded);
        for (var s : scored) {
            if (chosen.size() < options.maxOperations()) chosen.add(s.operation());
            else omitted.add(new Scored(s.operation(), s.score(), "ranked below the " + options.maxOperations() + " chosen (score " + s.score() + ")"));
        }
        chosen.sort(ApiOperation.ORDER);
        omitted.sort(Comparator.comparing(Scored::operation, ApiOperation.ORDER));
        return new Result(chosen, omitted);
    }

    static int score(ApiOperation op, AppOptions options) {
        if (matchesAny(op, options.include())) return 1_000;
        int score = 0;
        String text = (op.path() + " " + op.operationId() + " " + op.summary() + " " + op.description() + " " + String.join(" ", op.tags()))
                .toLowerCase(Locale.ROOT);
        for (var c : options.capabilities()) {
            for (var word : c.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) if (word.length() > 2 && text.contains(stem(word))) score += 20;
        }
        if (!op.summary().isEmpty() || !op.description().isEmpty()) score += 10;
        switch (op.method()) {
            case "GET" -> score += op.path().endsWith("}") ? 14 : 16;
            case "POST" -> score += 12;
            case "PUT", "PATCH" -> score += 8;
            case "DELETE" -> score += 6;
            default -> score -= 20;
        }
        if (op.request() != null) score += 3;
        if (op.response() != null) score += 3;
        if (op.deprecated()) score -= 30;
        if (KEEP_AWAY.matcher(op.summary() + " " + op.description()).find()) score -= 40;
        for (var segment : op.path().toLowerCase(Locale.ROOT).split("/")) if (LOW_VALUE.contains(segment)) score -= 25;
        long depth = op.path().chars().filter(c -> c == '/').count();
        score -= (int) Math.max(0, depth - 3) * 2;
        return score;
    }

    private static String stem(String word) {
        return word.endsWith("s") && word.length() > 4 ? word.substring(0, word.length() - 1) : word;
    }

    /** An entry names an operationId, {@code "METHOD /path"}, a path, or a path prefix ending in {@code *}. */
    static boolean matchesAny(ApiOperation op, List<String> entries) {
        for (var e : entries) {
            String t = e.strip();
            if (t.equals(op.operationId()) || t.equalsIgnoreCase(op.method() + " " + op.path()) || t.equals(op.path())) return true;
            if (t.endsWith("*") && op.path().startsWith(t.substring(0, t.length() - 1))) return true;
        }
        return false;
    }
}
