package dev.luna.workers.googleagent.plan;

import dev.luna.workers.googleagent.input.ApiOperation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which operations become tools: the include/exclude globs ({@code *} = any run of characters; matched against
 * {@code METHOD /path} and the operation id, case-insensitively), then the best {@code max} by value: documented and
 * read operations first, plumbing (actuator, health, errors, internal) last.
 */
final class OperationSelection {
    private static final Pattern PLUMBING = Pattern.compile("(?i)(^|/)(actuator|health|healthz|readyz|livez|error|metrics|internal|swagger-ui|v3/api-docs|favicon\\.ico)(/|$)");

    record Result(List<ApiOperation> chosen, List<String> leftOut) {
    }

    static Result select(List<ApiOperation> operations, AgentOptions options) {
        var candidates = new ArrayList<ApiOperation>();
        var leftOut = new ArrayList<String>();
        for (var op : operations) {
            String key = op.method() + " " + op.path();
            boolean included = options.include().isEmpty() || options.include().stream().anyMatch(g -> matches(g, op));
            boolean excluded = options.exclude().stream().anyMatch(g -> matches(g, op));
            if (!included || excluded) leftOut.add(key + ": " + (excluded ? "excluded by options.operations.exclude" : "not in options.operations.include"));
            else candidates.add(op);
        }
        var ranked = candidates.stream().sorted(Comparator.comparingInt(OperationSelection::score).reversed()
                .thenComparing(ApiOperation::path).thenComparing(ApiOperation::method)).toList();
        var chosen = new ArrayList<>(ranked.subList(0, Math.min(options.maxOperations(), ranked.size())));
        for (var op : ranked.subList(chosen.size(), ranked.size())) {
            leftOut.add(op.method() + " " + op.path() + ": beyond the best " + options.maxOperations() + " (options.maxOperations)");
        }
        chosen.sort(Comparator.comparing(ApiOperation::path).thenComparing(ApiOperation::method));
        return new Result(List.copyOf(chosen), leftOut.stream().sorted().toList());
    }

    /** Higher is more useful to an agent. */
    static int score(ApiOperation op) {
        int s = 10;
        if (!op.summary().isEmpty() || !op.description().isEmpty()) s += 3;
        if (op.method().equals("GET")) s += 3;
        if (op.method().equals("POST")) s += 2;
        if (op.method().equals("HEAD") || op.method().equals("OPTIONS") || op.method().equals("TRACE")) s -= 8;
        long depth = op.path().chars().filter(c -> c == '/').count();
        s -= (int) Math.max(0, depth - 3);
        if (PLUMBING.matcher(op.path()).find()) s -= 10;
        return s;
    }

    static boolean matches(String glob, ApiOperation op) {
        var regex = new StringBuilder("(?i)");
        String[] parts = glob.split("\\*", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) regex.append(".*");
            if (!parts[i].isEmpty()) regex.append(Pattern.quote(parts[i]));
        }
        var p = Pattern.compile(regex.toString());
        return p.matcher(op.method() + " " + op.path()).matches() || (op.id() != null && p.matcher(op.id()).matches())
                || p.matcher(op.path()).matches();
    }
}
