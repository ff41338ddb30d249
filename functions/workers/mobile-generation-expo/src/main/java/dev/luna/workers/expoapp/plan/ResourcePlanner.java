package dev.luna.workers.expoapp.plan;

import dev.luna.codebase.apispec.ApiOperation;
import dev.luna.codebase.apispec.ApiParam;
import dev.luna.codebase.apispec.ApiSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The API → an {@link AppPlan}: one client function per operation; resources from paths shaped
 * {@code /…/things} and {@code /…/things/{id}} (leading {@code api} and version segments ignored), with list, detail,
 * create, update and delete calls; the form's fields from the create body's schema; auth when the API declares it.
 */
public final class ResourcePlanner {
    private static final Pattern VERSION = Pattern.compile("v\\d+(\\.\\d+)*");
    private static final Pattern LOGIN = Pattern.compile("(?i).*/(login|signin|sign-in|token|tokens|session|sessions|authenticate)$");
    private static final List<String> ITEMS = List.of("items", "content", "data", "results", "records", "elements");
    private static final List<String> TITLES = List.of("name", "title", "label", "displayName", "username", "email", "summary", "description");
    private static final int MAX_CALLS = 300;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}/]+)\\}");

    private ResourcePlanner() {
    }

    /**
     * @param securityDeclared the API document declares security (schemes or requirements)
     * @param auth             the auth option: auto, none, bearer
     */
    public static AppPlan plan(ApiSpec api, String appName, String slug, String bundleId, String auth, boolean securityDeclared, int maxResources) {
        var types = new TsTypes(api.schemas());
        var leftOut = new ArrayList<String>();
        var calls = new ArrayList<ClientCall>();
        var byOp = new LinkedHashMap<ApiOperation, ClientCall>();
        var usedNames = new HashSet<String>();
        for (var op : api.operations()) {
            if (calls.size() >= MAX_CALLS) {
                leftOut.add(op.method() + " " + op.path() + ": beyond the client's " + MAX_CALLS + " operations");
                continue;
            }
            var call = call(op, types, usedNames);
            calls.add(call);
            byOp.put(op, call);
        }
        var groups = new TreeMap<String, Map<String, ApiOperation>>();
        for (var op : api.operations()) {
            var shape = shape(op.path());
            if (shape == null) {
                if (!byOp.containsKey(op)) continue;
                if (!LOGIN.matcher(op.path()).matches()) leftOut.add(op.method() + " " + op.path() + ": nested or unusual path, in the client only");
                continue;
            }
            groups.computeIfAbsent(shape.collection(), k -> new TreeMap<>()).putIfAbsent((shape.item() ? "item " : "collection ") + op.method(), op);
        }
        var resources = new ArrayList<Resource>();
        var usedKeys = new HashSet<String>();
        record Candidate(String path, ApiOperation list, ApiOperation get, ApiOperation create, ApiOperation update, ApiOperation delete) {
            /** How much of a screen set the API gives: a list, a detail, create, update, delete. */
            int score() {
                return (list != null ? 2 : 0) + (get != null ? 1 : 0) + (create != null ? 1 : 0) + (update != null ? 1 : 0) + (delete != null ? 1 : 0);
            }
        }
        var candidates = new ArrayList<Candidate>();
        for (var g : groups.entrySet()) {
            var ops = g.getValue();
            var list = ops.get("collection GET");
            var get = ops.get("item GET");
            if (list == null && get == null) continue;
            if (list != null && list.params().stream().anyMatch(p -> p.required() && !p.in().equals("header"))) list = null;
            if (list == null && get == null) {
                leftOut.add("GET " + g.getKey() + ": the list needs parameters the app cannot know, in the client only");
                continue;
            }
            var create = ops.get("collection POST");
            var update = update(ops);
            candidates.add(new Candidate(g.getKey(), list, simple(get), create != null && create.request() != null && simple(create) != null ? create : null,
                    update != null && update.request() != null ? simple(update) : null, simple(ops.get("item DELETE"))));
        }
        // more resources than maxResources: the ones with the most complete screen sets (list, detail, forms, delete) are
        // kept, ties in path order; the app shows them in path order
        var kept = new HashSet<Candidate>(candidates.stream()
                .sorted(java.util.Comparator.comparingInt(Candidate::score).reversed()).limit(maxResources).toList());
        for (var c : candidates) {
            if (!kept.contains(c)) {
                leftOut.add(c.path() + ": beyond options.maxResources (" + maxResources + "), in the client only");
                continue;
            }
            resources.add(resource(api, types, c.path(), c.list(), c.get(), c.create(), c.update(), c.delete(), byOp, usedKeys));
        }
        ClientCall login = null;
        for (var op : api.operations()) {
            if (op.method().equals("POST") && LOGIN.matcher(op.path()).matches() && byOp.containsKey(op) && op.request() != null
                    && op.params().stream().noneMatch(ApiParam::required) && !op.path().contains("{") && takesPassword(api, op.request())) {
                login = byOp.get(op);
                break;
            }
        }
        boolean headerAuth = api.operations().stream().anyMatch(o -> o.params().stream().anyMatch(p -> p.in().equals("header")
                && p.name().equalsIgnoreCase("authorization")));
        boolean needed;
        String reason;
        switch (auth) {
            case "none" -> { needed = false; reason = "options.auth is none"; }
            case "bearer" -> { needed = true; reason = "options.auth is bearer"; }
            default -> {
                needed = securityDeclared || headerAuth || login != null;
                reason = securityDeclared ? "the API document declares security" : headerAuth ? "operations take an Authorization header"
                        : login != null ? "the API has a login endpoint (" + login.method() + " " + login.rawPath() + ")" : "the API declares no authentication";
            }
        }
        return new AppPlan(api, appName, slug, bundleId, types.declarations(api.schemas()), calls, resources, needed, reason,
                needed ? login : null, leftOut);
    }

    private static final Pattern PASSWORD = Pattern.compile("(?i)pass(word|wd|phrase|code)?|pwd|pin");

    /**
     * Whether a login candidate's body is a username/password form the sign-in screen can fill: true when its properties
     * are unknown (nothing says otherwise), else only when one of them is a password. A token endpoint taking, say, an
     * API key or a refresh token ({@code grant_type}, {@code api_key}) is not a password login, and the app then signs
     * in with a bearer token instead.
     */
    @SuppressWarnings("unchecked")
    static boolean takesPassword(dev.luna.codebase.apispec.ApiSpec api, java.util.Map<String, Object> body) {
        var schema = body;
        for (int hops = 0; schema != null && schema.get("$ref") instanceof String ref && hops < 5; hops++) {
            schema = api.schemas() == null ? null : api.schemas().get(ref.substring(ref.lastIndexOf('/') + 1));
        }
        if (schema == null || !(schema.get("properties") instanceof java.util.Map<?, ?> props) || props.isEmpty()) return true;
        return ((java.util.Map<String, Object>) props).keySet().stream().anyMatch(k -> PASSWORD.matcher(k).matches());
    }

    /** The operation when the app can call it knowing only the path (no required query or header parameters), else null. */
    private static ApiOperation simple(ApiOperation op) {
        if (op == null) return null;
        return op.params().stream().anyMatch(p -> p.required() && !p.in().equals("path")) ? null : op;
    }

    private static ApiOperation update(Map<String, ApiOperation> ops) {
        var put = ops.get("item PUT");
        return put != null ? put : ops.get("item PATCH");
    }

    /** The collection path and whether the path is an item path, or null for other shapes. */
    record Shape(String collection, boolean item) {
    }

    static Shape shape(String path) {
        var segs = new ArrayList<String>();
        for (var s : path.split("/")) if (!s.isEmpty()) segs.add(s);
        boolean item = !segs.isEmpty() && isParam(segs.getLast());
        var statics = item ? segs.subList(0, segs.size() - 1) : segs;
        if (statics.isEmpty() || statics.stream().anyMatch(ResourcePlanner::isParam)) return null;
        var meaningful = statics.stream().filter(s -> !s.equalsIgnoreCase("api") && !VERSION.matcher(s.toLowerCase(Locale.ROOT)).matches()).toList();
        if (meaningful.size() != 1) return null;
        if (LOGIN.matcher("/" + meaningful.getFirst()).matches()) return null;
        return new Shape("/" + String.join("/", statics), item);
    }

    private static boolean isParam(String seg) {
        return seg.startsWith("{") && seg.endsWith("}");
    }

    private static Resource resource(ApiSpec api, TsTypes types, String collection, ApiOperation list, ApiOperation get, ApiOperation create,
                                     ApiOperation update, ApiOperation remove, Map<ApiOperation, ClientCall> byOp, HashSet<String> usedKeys) {
        String last = collection.substring(collection.lastIndexOf('/') + 1);
        String key = Names.kebab(last, "items");
        while (!usedKeys.add(key)) key = key + "-2";
        String title = Names.title(last);
        String singular = Names.title(Names.singular(String.join(" ", Names.words(last))));
        Map<String, Object> entity = null;
        String entityType = "Record<string, unknown>";
        String itemsField = null;
        if (get != null && get.response() != null) {
            entity = types.resolve(api.schemas(), get.response());
            entityType = types.type(get.response(), 0);
        } else if (list != null && list.response() != null) {
            var resolved = types.resolve(api.schemas(), list.response());
            Map<String, Object> items = arrayItems(resolved);
            if (items == null && resolved != null && resolved.get("properties") instanceof Map<?, ?> props) {
                for (var f : ITEMS) {
                    if (props.get(f) instanceof Map<?, ?> p && arrayItems(types.resolve(api.schemas(), cast(p))) != null) {
                        itemsField = f;
                        items = arrayItems(types.resolve(api.schemas(), cast(p)));
                        break;
                    }
                }
            }
            if (items != null) {
                entity = types.resolve(api.schemas(), items);
                entityType = types.type(items, 0);
            }
        }
        if (entityType.equals("unknown")) entityType = "Record<string, unknown>";
        if (list != null && itemsField == null && list.response() != null) {
            var resolved = types.resolve(api.schemas(), list.response());
            if (arrayItems(resolved) == null && resolved != null && resolved.get("properties") instanceof Map<?, ?> props) {
                for (var f : ITEMS) if (props.containsKey(f)) { itemsField = f; break; }
            }
        }
        var entityProps = properties(entity);
        var item = get != null ? get : update != null ? update : remove;
        String idParam = item != null ? item.path().substring(item.path().lastIndexOf('{') + 1, item.path().length() - 1) : "id";
        String idField = entityProps.containsKey("id") ? "id" : entityProps.containsKey(idParam) ? idParam : "id";
        String titleField = idField;
        for (var t : TITLES) if (entityProps.get(t) instanceof Map<?, ?> p && "string".equals(p.get("type"))) { titleField = t; break; }
        var body = create != null ? create.request() : update != null ? update.request() : null;
        var fields = fields(types.resolve(api.schemas(), body), idField);
        String bodyType = body != null ? types.type(body, 0) : "Record<string, unknown>";
        String summary = list != null && !list.summary().isBlank() ? list.summary() : get != null && !get.summary().isBlank() ? get.summary() : "";
        String plain = title.toLowerCase(Locale.ROOT);
        String description = summary.isBlank() || Names.words(summary).equals(Names.words(title)) || Names.words(summary).size() < 3
                ? "When there are " + plain + ", they appear here." : summary;
        return new Resource(key, title, singular, TsText.copy(description, 120), idField, titleField, itemsField, entityType, byOp.get(list),
                byOp.get(get), byOp.get(create), byOp.get(update), byOp.get(remove), idParam, fields, bodyType, filters(entityProps));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object o) {
        return (Map<String, Object>) o;
    }

    private static Map<String, Object> arrayItems(Map<String, Object> schema) {
        if (schema != null && "array".equals(schema.get("type")) && schema.get("items") instanceof Map<?, ?> m) return cast(m);
        return null;
    }

    private static Map<String, Object> properties(Map<String, Object> schema) {
        if (schema != null && schema.get("properties") instanceof Map<?, ?> m) return new TreeMap<>(cast(m));
        return Map.of();
    }

    private static List<String> filters(Map<String, Object> props) {
        var out = new ArrayList<String>();
        for (var e : props.entrySet()) {
            if (!(e.getValue() instanceof Map<?, ?> p) || out.size() == 4) continue;
            String key = TsText.string(e.getKey());
            String label = TsText.string(Names.title(e.getKey()));
            if (p.get("enum") instanceof List<?> values && !values.isEmpty() && values.size() <= 12) {
                var options = values.stream().map(v -> TsText.string(String.valueOf(v))).toList();
                out.add("{ kind: 'category', key: " + key + ", label: " + label + ", options: [" + String.join(", ", options) + "] }");
            } else if ("string".equals(p.get("type")) && ("date".equals(p.get("format")) || "date-time".equals(p.get("format")))) {
                out.add("{ kind: 'date', key: " + key + ", label: " + label + " }");
            } else if ("boolean".equals(p.get("type"))) {
                out.add("{ kind: 'custom', key: " + key + ", label: " + label + " }");
            }
        }
        return out;
    }

    private static List<Resource.Field> fields(Map<String, Object> schema, String idField) {
        var props = properties(schema);
        var required = schema != null && schema.get("required") instanceof List<?> r ? r : List.of();
        var raw = new ArrayList<String[]>();
        for (var e : props.entrySet()) {
            if (e.getKey().equals(idField) || !(e.getValue() instanceof Map<?, ?> p) || Boolean.TRUE.equals(p.get("readOnly"))) continue;
            String kind = switch (String.valueOf(p.get("type"))) {
                case "string" -> "text";
                case "integer", "number" -> "number";
                case "boolean" -> "boolean";
                default -> null;
            };
            if (kind == null) continue;
            raw.add(new String[] {e.getKey(), kind});
            if (raw.size() == 20) break;
        }
        var out = new ArrayList<Resource.Field>();
        for (int i = 0; i < raw.size(); i++) {
            var f = raw.get(i);
            out.add(new Resource.Field(f[0], Names.key(f[0]), Names.title(f[0]), f[1], required.contains(f[0]), i == raw.size() - 1));
        }
        return out;
    }

    private static ClientCall call(ApiOperation op, TsTypes types, HashSet<String> used) {
        String name = Names.camel(op.operationId(), "call");
        while (!used.add(name)) name = name + "2";
        var pathMembers = new ArrayList<String>();
        var queryMembers = new ArrayList<String>();
        var sample = new StringBuilder();
        String url = op.path();
        int n = 1;
        var placeholders = new java.util.LinkedHashSet<String>();
        var pm = PLACEHOLDER.matcher(op.path());
        while (pm.find()) placeholders.add(pm.group(1));
        for (var placeholder : placeholders) {
            pathMembers.add(TsText.string(placeholder) + ": string | number");
            if (!sample.isEmpty()) sample.append(", ");
            sample.append(TsText.string(placeholder)).append(": 'v").append(n).append(" x'");
            url = url.replace("{" + placeholder + "}", "v" + n + "%20x");
            n++;
        }
        for (var p : op.params()) {
            if (p.in().equals("query")) {
                queryMembers.add(Names.key(p.name()) + (p.required() ? ": " : "?: ") + queryType(types.type(p.schema(), 0)));
            }
        }
        boolean pathComplete = !url.contains("{");
        String bodyType = op.request() != null ? types.type(op.request(), 0) : null;
        boolean required = !pathMembers.isEmpty() || queryMembers.stream().anyMatch(m -> !m.contains("?:"));
        String response = op.response() != null ? types.type(op.response(), 0) : "unknown";
        String doc = TsText.comment(op.method() + " " + op.path() + (op.summary().isBlank() ? "" : ": " + op.summary()));
        return new ClientCall(name, op.method(), TsText.string(op.path()), op.path(), pathMembers, queryMembers, required, bodyType, response, doc,
                pathComplete ? (sample.isEmpty() ? null : "{ " + sample + " }") : null, pathComplete ? url : null);
    }

    private static String queryType(String t) {
        return t.matches("string|number|boolean|('[^']*'( \\| '[^']*')*)") ? t : "string";
    }
}
