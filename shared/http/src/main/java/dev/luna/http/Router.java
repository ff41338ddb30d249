package dev.luna.http;

import dev.luna.catalog.Catalog;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Matches a method and path to a catalog function, the way API Gateway matches routes: literal segments win over
 * {@code {param}} segments, so {@code GET /api/v1/agents/health} is not taken for {@code GET /api/v1/agents/{id}}. A
 * last segment {@code {name+}} is greedy: it takes the rest of the path, slashes included (an artifact's name), and loses
 * to any route that matches without it.
 */
public final class Router {
    private final List<Route> routes = new ArrayList<>();

    public Router(Collection<Catalog.FunctionSpec> functions) {
        for (var f : functions) {
            if (f.trigger().isHttp()) routes.add(new Route(f, segments(f.trigger().path())));
        }
    }

    /** A resolved route: the function and the decoded path parameters. */
    public record Match(Catalog.FunctionSpec function, Map<String, String> pathParameters) {
        public String routeKey() {
            return function.trigger().method() + " " + function.trigger().path();
        }
    }

    /** The outcome of routing: a match, a path served under other methods (405), or nothing (404). */
    public sealed interface Result {
        record Found(Match match) implements Result {
        }

        record MethodNotAllowed(List<String> allowed) implements Result {
        }

        record NotFound() implements Result {
        }
    }

    public Result route(String method, String path) {
        String[] segments = segments(path);
        Route best = null;
        Map<String, String> bestParams = null;
        var allowed = new TreeSet<String>();
        for (var r : routes) {
            var params = r.match(segments);
            if (params == null) continue;
            if (!r.function.trigger().method().equalsIgnoreCase(method)) {
                allowed.add(r.function.trigger().method());
                continue;
            }
            if (best == null || r.moreSpecificThan(best)) {
                best = r;
                bestParams = params;
            }
        }
        if (best != null) return new Result.Found(new Match(best.function, bestParams));
        if (!allowed.isEmpty()) return new Result.MethodNotAllowed(List.copyOf(allowed));
        return new Result.NotFound();
    }

    public Optional<Match> find(String method, String path) {
        return route(method, path) instanceof Result.Found f ? Optional.of(f.match()) : Optional.empty();
    }

    private static String[] segments(String path) {
        String p = path == null ? "" : path;
        while (p.length() > 1 && p.endsWith("/")) p = p.substring(0, p.length() - 1);
        if (p.startsWith("/")) p = p.substring(1);
        return p.isEmpty() ? new String[0] : p.split("/", -1);
    }

    /**
     * A percent-encoded path segment decoded ({@code +} is a plus sign in a path, not a space); a malformed escape such as
     * {@code %zz} or a lone {@code %} is kept as it is, for the parameter's format check to reject.
     */
    static String decodeSegment(String raw) {
        if (raw.indexOf('%') < 0) return raw;
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }

    private static boolean isGreedy(String[] template) {
        return template.length > 0 && template[template.length - 1].startsWith("{") && template[template.length - 1].endsWith("+}");
    }

    private record Route(Catalog.FunctionSpec function, String[] template) {
        Map<String, String> match(String[] segments) {
            boolean greedy = isGreedy(template);
            if (greedy ? segments.length < template.length : segments.length != template.length) return null;
            Map<String, String> params = null;
            for (int i = 0; i < template.length; i++) {
                String t = template[i];
                if (greedy && i == template.length - 1) {
                    var rest = new StringBuilder();
                    for (int j = i; j < segments.length; j++) {
                        if (segments[j].isEmpty()) return null;
                        if (j > i) rest.append('/');
                        rest.append(decodeSegment(segments[j]));
                    }
                    if (params == null) params = new LinkedHashMap<>();
                    params.put(t.substring(1, t.length() - 2), rest.toString());
                } else if (t.startsWith("{") && t.endsWith("}")) {
                    if (segments[i].isEmpty()) return null;
                    if (params == null) params = new LinkedHashMap<>();
                    params.put(t.substring(1, t.length() - 1), decodeSegment(segments[i]));
                } else if (!t.equals(segments[i])) {
                    return null;
                }
            }
            return params == null ? Map.of() : params;
        }

        boolean moreSpecificThan(Route other) {
            if (isGreedy(template) != isGreedy(other.template)) return !isGreedy(template);
            for (int i = 0; i < Math.min(template.length, other.template.length); i++) {
                boolean mine = !template[i].startsWith("{"), theirs = !other.template[i].startsWith("{");
                if (mine != theirs) return mine;
            }
            return false;
        }
    }
}
