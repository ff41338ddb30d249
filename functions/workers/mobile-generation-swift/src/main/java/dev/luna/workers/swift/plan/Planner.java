package dev.luna.workers.swift.plan;

import dev.luna.codebase.apispec.ApiOperation;
import dev.luna.codebase.apispec.ApiParam;
import dev.luna.codebase.apispec.ApiSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The API → the app: one client method per operation, Codable models for the schemas they use, and resources with
 * screens (grouped by the path's first fixed segment after {@code /api} and version segments). Deterministic: the
 * spec's operations and schemas are sorted, and so is everything derived from them.
 */
public final class Planner {
    public static final int MAX_ENDPOINTS = 200;
    public static final int MAX_RESOURCES = 30;
    private static final Pattern VERSION = Pattern.compile("v\\d+(\\.\\d+)*|api|rest");
    private static final Pattern PAYMENT = Pattern.compile("(?i).*(payment|pay|checkout|charge|purchase).*");
    private static final Map<String, String> SYMBOLS = Map.ofEntries(Map.entry("pet", "pawprint"), Map.entry("user", "person.2"),
            Map.entry("order", "bag"), Map.entry("product", "shippingbox"), Map.entry("todo", "checklist"), Map.entry("task", "checklist"),
            Map.entry("message", "bubble.left"), Map.entry("event", "calendar"), Map.entry("payment", "creditcard"), Map.entry("file", "doc"),
            Map.entry("book", "book"), Map.entry("store", "building.2"), Map.entry("category", "tag"), Map.entry("project", "folder"));

    /** The plan; with no operation in the spec, an app shell ({@link AppPlan#shell()}) with the reason in its notes. */
    public AppPlan plan(ApiSpec spec, SwiftOptions options, String projectName) {
        var notes = new ArrayList<>(spec.notes());
        String appName = options.appName() != null ? options.appName()
                : spec.source().equals(ApiSpec.OPENAPI) && spec.title() != null && !spec.title().isBlank() ? spec.title().strip() : projectName;
        appName = appName.length() > 60 ? appName.substring(0, 60).strip() : appName;
        appName = appName.replaceAll("\\s+", " ").replace("{{", "{ {").replace("}}", "} }"); // never a template slot in the output
        String typeName = SwiftNames.type(appName);
        if (spec.empty()) {
            notes.add("No HTTP API was found (no OpenAPI or Swagger document, no endpoints in code): the app is a shell with the design system, "
                    + "navigation and an empty state; point the task at the service that serves the API to get screens per resource.");
            return new AppPlan(appName, typeName, options, ApiSpec.NONE, null, List.of(), List.of(), List.of(), null, notes);
        }
        var models = new Models(spec.schemas());
        var operations = spec.operations();
        if (operations.size() > MAX_ENDPOINTS) {
            notes.add(operations.size() + " operations found; the client covers the first " + MAX_ENDPOINTS + " by path");
            operations = operations.subList(0, MAX_ENDPOINTS);
        }
        var endpoints = new ArrayList<Endpoint>();
        var byOperation = new LinkedHashMap<ApiOperation, Endpoint>();
        var functions = new HashSet<String>();
        for (var op : operations) {
            var endpoint = endpoint(op, models, functions);
            endpoints.add(endpoint);
            byOperation.put(op, endpoint);
        }
        var resources = resources(byOperation, models, notes);
        Endpoint payment = null;
        if (options.applePay()) {
            payment = byOperation.entrySet().stream().filter(e -> e.getKey().method().equals("POST") && !e.getKey().path().contains("{"))
                    .filter(e -> PAYMENT.matcher(e.getKey().path() + " " + e.getKey().operationId()).matches())
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            if (payment == null) notes.add("Apple Pay: no payment endpoint (a POST whose path or operation mentions pay, payment, checkout, charge "
                    + "or purchase) was found; ApplePayButton is wired to APIClient.submitApplePayment, which posts to /payments: change the path there.");
        }
        return new AppPlan(appName, typeName, options, spec.source(), spec.document(), models.all(), endpoints, resources, payment, notes);
    }

    private static Endpoint endpoint(ApiOperation op, Models models, Set<String> functions) {
        String function = SwiftNames.member(op.operationId());
        while (!functions.add(function)) function = function + "2";
        var params = new ArrayList<Endpoint.Param>();
        var names = new HashSet<String>();
        for (String wire : pathNames(op.path())) {
            var declared = op.params().stream().filter(p -> p.in().equals("path") && p.name().equals(wire)).findFirst();
            params.add(new Endpoint.Param(unique(SwiftNames.member(wire), names), wire, declared.map(p -> scalar(p.schema())).orElse("String"), true, false));
        }
        for (ApiParam p : op.params()) {
            if (p.in().equals("query")) params.add(new Endpoint.Param(unique(SwiftNames.member(p.name()), names), p.name(), scalar(p.schema()), false, !p.required()));
        }
        String body = op.request() == null ? null : models.typeOf(op.request());
        // code without a declared response type: a GET still decodes whatever JSON comes back (a list on a collection path)
        String result = op.response() != null ? models.typeOf(op.response())
                : op.method().equals("GET") ? (endsWithParam(op.path()) ? "JSONValue" : "[JSONValue]") : null;
        String summary = !op.summary().isBlank() ? op.summary() : !op.description().isBlank() ? op.description() : op.method() + " " + op.path();
        return new Endpoint(function, op.method(), op.path(), params, body, result, SwiftNames.comment(summary), op.location());
    }

    private static String unique(String name, Set<String> names) {
        String out = name.equals("body") ? "bodyValue" : name;
        while (!names.add(out)) out = out + "2";
        return out;
    }

    private static String scalar(Map<String, Object> schema) {
        return switch (schema == null ? "string" : Models.type(schema)) {
            case "integer" -> "Int";
            case "number" -> "Double";
            case "boolean" -> "Bool";
            default -> "String";
        };
    }

    static List<String> pathNames(String path) {
        var out = new ArrayList<String>();
        var m = Pattern.compile("\\{([^}/]+)}").matcher(path);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    /** Groups operations by their resource segment; a group with a GET gets screens. */
    private static List<Resource> resources(Map<ApiOperation, Endpoint> byOperation, Models models, List<String> notes) {
        var groups = new LinkedHashMap<String, List<ApiOperation>>();
        for (var op : byOperation.keySet()) {
            String key = resourceKey(op.path());
            if (key != null) groups.computeIfAbsent(key, k -> new ArrayList<>()).add(op);
        }
        var out = new ArrayList<Resource>();
        var usedNames = new HashSet<String>();
        for (var e : groups.entrySet()) {
            String segment = e.getKey();
            var ops = e.getValue();
            String collection = ops.stream().map(ApiOperation::path).min(Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder())).orElseThrow();
            ApiOperation list = find(ops, "GET", collection, true);
            ApiOperation get = ops.stream().filter(o -> o.method().equals("GET") && o != list && endsWithParam(o.path()) && depth(o.path()) == depth(collection) + 1).findFirst().orElse(null);
            if (get == null && list == null) get = ops.stream().filter(o -> o.method().equals("GET")).findFirst().orElse(null);
            if (list == null && get == null) {
                notes.add("/" + segment + ": no GET, so no screen (the client still has its methods)");
                continue;
            }
            ApiOperation create = find(ops, "POST", collection, false);
            ApiOperation update = ops.stream().filter(o -> (o.method().equals("PUT") || o.method().equals("PATCH")) && endsWithParam(o.path())
                    && depth(o.path()) == depth(collection) + 1).findFirst().orElse(null);
            ApiOperation delete = ops.stream().filter(o -> o.method().equals("DELETE") && endsWithParam(o.path()) && depth(o.path()) == depth(collection) + 1).findFirst().orElse(null);
            String singular = SwiftNames.singular(segment.toLowerCase(Locale.ROOT).equals(segment) ? segment : segment);
            String name = SwiftNames.type(singular);
            while (!usedNames.add(name)) name = name + "s";
            Model model = elementModel(list, get, create, models, name);
            String title = SwiftNames.title(SwiftNames.plural(SwiftNames.singular(segment)));
            if (list == null) title = SwiftNames.title(segment);
            String symbol = SYMBOLS.getOrDefault(SwiftNames.singular(segment).toLowerCase(Locale.ROOT), "square.grid.2x2");
            String lower = title.toLowerCase(Locale.ROOT);
            String emptyTitle = list != null ? "No " + lower + " yet" : "Look up " + SwiftNames.title(SwiftNames.singular(segment)).toLowerCase(Locale.ROOT);
            String emptyMessage = list != null ? (create != null ? "Add the first one with the + button." : lower.substring(0, 1).toUpperCase(Locale.ROOT) + lower.substring(1) + " you can see will appear here.")
                    : "Enter the details above and tap Load.";
            out.add(new Resource(name, title, symbol, model, endpoint(byOperation, list), endpoint(byOperation, get), endpoint(byOperation, create),
                    endpoint(byOperation, update), endpoint(byOperation, delete), emptyTitle, emptyMessage));
            if (out.size() == MAX_RESOURCES) {
                notes.add("more than " + MAX_RESOURCES + " resources; screens were made for the first " + MAX_RESOURCES);
                break;
            }
        }
        out.sort(Comparator.comparing(Resource::title).thenComparing(Resource::name));
        return out;
    }

    private static Endpoint endpoint(Map<ApiOperation, Endpoint> byOperation, ApiOperation op) {
        return op == null ? null : byOperation.get(op);
    }

    private static Model elementModel(ApiOperation list, ApiOperation get, ApiOperation create, Models models, String name) {
        for (var op : new ApiOperation[] {get, list, create}) {
            if (op == null) continue;
            var schema = op == create ? op.request() : op.response();
            if (schema == null) continue;
            if (op == list) schema = Models.map(schema.get("items"));
            String ref = Models.ref(schema);
            Model model = ref != null ? models.model(ref) : models.inline(name, schema);
            if (model != null) return model;
        }
        return null;
    }

    private static ApiOperation find(List<ApiOperation> ops, String method, String path, boolean array) {
        return ops.stream().filter(o -> o.method().equals(method) && o.path().equals(path))
                .filter(o -> !array || o.response() == null && !endsWithParam(path) || o.response() != null && Models.type(o.response()).equals("array"))
                .findFirst().orElse(null);
    }

    /** The first fixed path segment after /api and version segments; null when the path has none. */
    static String resourceKey(String path) {
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.startsWith("{") || VERSION.matcher(segment.toLowerCase(Locale.ROOT)).matches()) continue;
            return segment.matches(".*[A-Za-z].*") ? segment : null;
        }
        return null;
    }

    private static boolean endsWithParam(String path) {
        return path.endsWith("}");
    }

    private static int depth(String path) {
        return (int) path.chars().filter(c -> c == '/').count();
    }
}
