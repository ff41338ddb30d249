package dev.luna.workers.expoapp.render;

import dev.luna.core.Json;
import dev.luna.designsystem.DesignTokens;
import dev.luna.workers.expoapp.plan.AppPlan;
import dev.luna.workers.expoapp.plan.Names;
import dev.luna.workers.expoapp.plan.Resource;
import dev.luna.workers.expoapp.plan.TsText;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An {@link AppPlan} → the files of the Expo app, sorted by path: static files copied from {@code templates/static},
 * the variant files the options pick, and the rendered routes, client, tests, theme, copy, app.json and README.
 */
public final class ExpoProject {
    /** The lockfile's package name, replaced by the slug. */
    static final String LOCK_NAME = "luna-expo-app";
    static final List<String> STATIC = List.of("tsconfig.json", "babel.config.js", "src/api/http.ts", "src/components/Button.tsx",
            "src/components/Card.tsx", "src/components/FieldRows.tsx", "src/components/FloatingFilterBar.tsx", "src/components/FormField.tsx",
            "src/components/ListRow.tsx", "src/components/States.tsx");

    private ExpoProject() {
    }

    /**
     * @param copy the app's copy (titles, empty states) by resource key, from {@link AppCopy}
     */
    public static SortedMap<String, byte[]> render(AppPlan plan, Settings settings, AppCopy copy) {
        var files = new TreeMap<String, String>();
        for (var path : STATIC) files.put(path, Templates.text("static/" + path));
        files.put("src/data/hooks.ts", Templates.text(settings.query() ? "variants/hooks.query.ts" : "variants/hooks.context.ts"));
        files.put("src/data/DataProvider.tsx", Templates.text(settings.query() ? (settings.offline() ? "variants/DataProvider.offline.tsx"
                : "variants/DataProvider.query.tsx") : "variants/DataProvider.context.tsx"));
        if (plan.authNeeded()) files.put("src/auth/session.tsx", Templates.text("variants/session.tsx"));
        if (settings.push()) files.put("src/notifications.ts", Templates.text("variants/notifications.ts"));
        files.put("src/theme/index.ts", ThemeFile.render(DesignTokens.standard()));
        files.put("src/theme/tokens.json", DesignTokens.standard().json().strip() + "\n");
        files.put("src/copy.ts", copy.typescript());
        files.put("src/api/types.ts", "/** The API's named schemas as TypeScript types. */\n\n" + (plan.types().isEmpty() ? "export {};\n" : plan.types()));

        var top = top(plan, settings);
        files.put("src/api/client.ts", Templates.render("api/client.ts.mustache", top));
        files.put("src/api/index.ts", Templates.render("api/index.ts.mustache", top));
        files.put("src/api/__tests__/client.test.ts", Templates.render("api/client.test.ts.mustache", top));
        files.put("app/_layout.tsx", Templates.render("app/root-layout.tsx.mustache", top));
        if (plan.authNeeded()) files.put("app/sign-in.tsx", Templates.render("app/sign-in.tsx.mustache", top));
        String nav = plan.resources().isEmpty() ? "stack" : settings.navigation();
        if (nav.equals("stack")) {
            files.put("app/index.tsx", Templates.render("app/home.tsx.mustache", top));
        } else {
            String group = nav.equals("tabs") ? "(tabs)" : "(drawer)";
            var layout = new LinkedHashMap<String, Object>(top);
            layout.put("navigator", nav.equals("tabs") ? "Tabs" : "Drawer");
            layout.put("module", nav.equals("tabs") ? "tabs" : "drawer");
            layout.put("kind", nav.equals("tabs") ? "tab" : "drawer item");
            layout.put("component", nav.equals("tabs") ? "Tabs" : "Drawer");
            layout.put("tintOption", nav.equals("tabs") ? "tabBarActiveTintColor" : "drawerActiveTintColor");
            files.put("app/" + group + "/_layout.tsx", Templates.render("app/group-layout.tsx.mustache", layout));
            files.put("app/index.tsx", "import { Redirect } from 'expo-router';\n\n/** Opens the first resource's " + layout.get("kind")
                    + ". */\nexport default function Index() {\n  return <Redirect href=\"/" + plan.resources().getFirst().key() + "\" />;\n}\n");
        }
        for (var r : plan.resources()) {
            var view = resourceView(r, top);
            String listPath = nav.equals("stack") ? "app/" + r.key() + "/index.tsx" : "app/(" + (nav.equals("tabs") ? "tabs" : "drawer") + ")/" + r.key() + ".tsx";
            files.put(listPath, Templates.render("app/list.tsx.mustache", view));
            files.put("app/" + r.key() + "/[id].tsx", Templates.render("app/detail.tsx.mustache", view));
            if (r.editable()) files.put("app/" + r.key() + "/form.tsx", Templates.render("app/form.tsx.mustache", view));
        }
        files.put("app.json", AppConfig.json(plan, settings));
        files.put("package.json", Templates.text("package.json").replace("\"name\": \"" + LOCK_NAME + "\"", "\"name\": \"" + plan.slug() + "\""));
        files.put("README.md", Readme.render(plan, settings, files.keySet()));
        var out = new TreeMap<String, byte[]>();
        files.forEach((k, v) -> out.put(k, v.getBytes(StandardCharsets.UTF_8)));
        out.put("package-lock.json", lockfile(plan.slug()));
        return out;
    }

    /** The options that shape the files. */
    public record Settings(String navigation, boolean query, boolean offline, boolean push, String baseUrl) {
    }

    private static Map<String, Object> top(AppPlan plan, Settings settings) {
        var top = new LinkedHashMap<String, Object>();
        top.put("auth", plan.authNeeded());
        top.put("push", settings.push());
        top.put("login", plan.login());
        top.put("resources", plan.resources().stream().map(r -> Map.of("key", r.key(), "copyKey", Names.camel(r.key(), "items"))).toList());
        top.put("apiTitleComment", TsText.comment(plan.api().title()));
        top.put("sourceComment", TsText.comment(plan.api().document() != null ? plan.api().document() : "the endpoints in the code"));
        top.put("callCount", plan.calls().size());
        top.put("calls", plan.calls());
        var typeNames = new ArrayList<String>();
        var m = java.util.regex.Pattern.compile("(?m)^export type (\\w+) =").matcher(plan.types());
        while (m.find()) typeNames.add(m.group(1));
        var used = new ArrayList<String>();
        for (var t : typeNames) {
            var word = java.util.regex.Pattern.compile("\\b" + t + "\\b");
            if (plan.calls().stream().anyMatch(c -> word.matcher(c.parameters() + " " + c.responseType()).find())) used.add(t);
        }
        top.put("typeNames", String.join(", ", used));
        top.put("declaredTypes", List.copyOf(typeNames));
        var tests = plan.calls().stream().filter(c -> c.testable()).limit(25).map(c -> {
            var t = new LinkedHashMap<String, Object>();
            t.put("name", c.name());
            t.put("method", c.method());
            t.put("testTitlePath", c.rawPath().replaceAll("[^A-Za-z0-9/{}_.-]", "_"));
            t.put("sampleArgs", c.sampleArgs());
            t.put("sampleUrlLiteral", TsText.string(c.sampleUrl()));
            t.put("hasBody", c.hasBody());
            return t;
        }).toList();
        top.put("tests", tests);
        var testTypes = new ArrayList<String>();
        for (var t : typeNames) {
            var word = java.util.regex.Pattern.compile("\\b" + t + "\\b");
            if (tests.stream().anyMatch(x -> word.matcher(String.valueOf(x.get("sampleArgs"))).find())) testTypes.add(t);
        }
        top.put("testTypeNames", String.join(", ", testTypes));
        top.put("errorTest", tests.isEmpty() ? null : tests.getFirst());
        top.put("baseUrlLiteral", TsText.string(settings.baseUrl()));
        var group = new ArrayList<String>();
        var stack = new ArrayList<String>();
        boolean shell = plan.resources().isEmpty();
        String nav = shell ? "stack" : settings.navigation();
        if (!nav.equals("stack")) group.add(nav.equals("tabs") ? "(tabs)" : "(drawer)");
        stack.add("index");
        for (var r : plan.resources()) {
            if (nav.equals("stack")) stack.add(r.key() + "/index");
            stack.add(r.key() + "/[id]");
            if (r.editable()) stack.add(r.key() + "/form");
        }
        top.put("group", group);
        top.put("stackScreens", stack);
        return top;
    }

    /**
     * The declared types (of types.ts) a type expression names, for its import: {@code Agent} for {@code Agent}, and
     * {@code Agent, SuccessEnvelope} for {@code (SuccessEnvelope) & ({ data?: Agent; })}; empty when it names none.
     */
    static String typesIn(String typeExpression, List<String> declared) {
        var names = new java.util.TreeSet<String>();
        var m = java.util.regex.Pattern.compile("\\b[A-Za-z_]\\w*\\b").matcher(typeExpression);
        while (m.find()) if (declared.contains(m.group())) names.add(m.group());
        if (names.isEmpty() && typeExpression.matches("[A-Z]\\w*")) return typeExpression; // as before: a bare name
        return String.join(", ", names);
    }

    private static Map<String, Object> resourceView(Resource r, Map<String, Object> top) {
        var v = new LinkedHashMap<String, Object>(top);
        v.put("key", r.key());
        v.put("title", r.title());
        v.put("titleText", r.title().toLowerCase(java.util.Locale.ROOT));
        v.put("singularText", r.singular().toLowerCase(java.util.Locale.ROOT));
        v.put("component", Names.pascal(r.key(), "Items"));
        v.put("copyKey", Names.camel(r.key(), "items"));
        v.put("entityType", r.entityType());
        @SuppressWarnings("unchecked")
        var declared = (List<String>) top.getOrDefault("declaredTypes", List.of());
        v.put("entityImport", typesIn(r.entityType(), declared));
        v.put("bodyType", r.bodyType());
        v.put("bodyImport", typesIn(r.bodyType(), declared));
        v.put("idFieldLiteral", TsText.string(r.idField()));
        v.put("titleFieldLiteral", TsText.string(r.titleField()));
        v.put("idKey", TsText.string(r.idParam()));
        v.put("list", r.list());
        v.put("get", r.get());
        v.put("create", r.create());
        v.put("update", r.update());
        v.put("remove", r.remove());
        v.put("editable", r.editable());
        v.put("fields", r.fields());
        v.put("listArgs", "");
        v.put("itemsExpr", r.itemsField() != null ? "((page as unknown as Record<string, unknown>)[" + TsText.string(r.itemsField()) + "] ?? []) as Item[]"
                : "(Array.isArray(page) ? page : []) as Item[]");
        v.put("filters", r.filters());
        return v;
    }

    private static byte[] lockfile(String slug) {
        String lock = Templates.text("package-lock.json");
        String from = "\"name\": \"" + LOCK_NAME + "\"";
        int first = lock.indexOf(from);
        int second = lock.indexOf(from, first + 1);
        if (first < 0 || second < 0) throw new IllegalStateException("the lockfile template lost its root name");
        String to = "\"name\": \"" + slug + "\"";
        lock = lock.substring(0, first) + to + lock.substring(first + from.length(), second) + to + lock.substring(second + from.length());
        return lock.getBytes(StandardCharsets.UTF_8);
    }

    static String json(Object value) {
        return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value) + "\n";
    }
}
