package dev.luna.workers.swift.render;

import dev.luna.workers.swift.plan.AppPlan;
import dev.luna.workers.swift.plan.Endpoint;
import dev.luna.workers.swift.plan.Field;
import dev.luna.workers.swift.plan.Model;
import dev.luna.workers.swift.plan.Resource;
import dev.luna.workers.swift.plan.SwiftNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The screens of each resource: list, detail and form, or a lookup screen; and the root view's sections. */
final class ScreenViews {
    private ScreenViews() {
    }

    /** Path under App/Screens/ → Swift source, for every resource. */
    static Map<String, String> screens(AppPlan plan) {
        var files = new TreeMap<String, String>();
        for (Resource r : plan.resources()) {
            var view = base(plan, r);
            if (r.list() != null) {
                files.put(r.name() + "ListView.swift", Templates.render("App/Screens/ListView.swift", list(plan, view, r)));
                files.put(r.name() + "DetailView.swift", Templates.render("App/Screens/DetailView.swift", detail(plan, view, r)));
                if (formable(plan, r)) files.put(r.name() + "FormView.swift", Templates.render("App/Screens/FormView.swift", form(plan, view, r)));
            } else {
                files.put(r.name() + "LookupView.swift", Templates.render("App/Screens/LookupView.swift", lookup(view, r)));
            }
        }
        return files;
    }

    /** What a resource's screens are, for the README. */
    static String summary(AppPlan plan, Resource r) {
        if (r.list() == null) return "a lookup screen for `GET " + r.get().path() + "`";
        var parts = new ArrayList<String>(List.of("list (`GET " + r.list().path() + "`) with the floating filter bar", "detail"));
        if (formable(plan, r)) parts.add("create form (`POST " + r.create().path() + "`)");
        if (deletable(r)) parts.add("swipe to delete (`DELETE " + r.delete().path() + "`)");
        return String.join(", ", parts);
    }

    static List<Map<String, Object>> sections(AppPlan plan) {
        var out = new ArrayList<Map<String, Object>>();
        var cases = new java.util.HashSet<String>();
        for (Resource r : plan.resources()) {
            String caseName = SwiftNames.member(r.title());
            while (!cases.add(caseName)) caseName = caseName + "2";
            String view = r.list() != null ? r.name() + "ListView(client: client, store: store)" : r.name() + "LookupView(client: client)";
            out.add(Map.of("caseName", caseName, "title", SwiftNames.literal(r.title()), "symbol", r.symbol(), "view", view));
        }
        if (plan.options().applePay()) {
            String caseName = cases.contains("checkout") ? "checkoutPayment" : "checkout";
            out.add(Map.of("caseName", caseName, "title", "Checkout", "symbol", "creditcard", "view", "CheckoutView(client: client)"));
        }
        return out;
    }

    private static Map<String, Object> base(AppPlan plan, Resource r) {
        var v = new LinkedHashMap<String, Object>();
        v.put("coreName", SwiftProject.coreName(plan));
        v.put("name", r.name());
        v.put("title", SwiftNames.comment(r.title()));
        v.put("titleLiteral", SwiftNames.literal(r.title()));
        v.put("titleLower", SwiftNames.literal(r.title().toLowerCase(Locale.ROOT)));
        v.put("singularLower", SwiftNames.literal(SwiftNames.title(r.name()).toLowerCase(Locale.ROOT)));
        v.put("element", r.elementType());
        v.put("symbol", r.symbol());
        v.put("emptyTitle", SwiftNames.literal(r.emptyTitle()));
        v.put("emptyMessage", SwiftNames.literal(r.emptyMessage()));
        return v;
    }

    private static Map<String, Object> list(AppPlan plan, Map<String, Object> view, Resource r) {
        Model m = r.model();
        view.put("listCall", r.list().function() + "()");
        boolean identifiable = m != null && m.idField() != null;
        view.put("listArguments", identifiable ? "visible" : "visible, id: \\.self");
        Field title = m == null ? null : m.titleField();
        view.put("rowTitle", title == null ? "item.summary" : text("item", title));
        Field subtitle = m == null ? null : m.fields().stream().filter(f -> f.scalar() && f != title && !f.name().equals(m.idField())).findFirst().orElse(null);
        view.put("rowSubtitle", subtitle == null ? "nil" : text("item", subtitle));
        var texts = new ArrayList<String>();
        if (m == null) texts.add("item.summary");
        else m.fields().stream().filter(f -> f.kind().equals("string")).limit(6).forEach(f -> texts.add("item." + f.name()));
        if (texts.isEmpty()) texts.add(title == null ? "nil" : text("item", title));
        view.put("filterTexts", String.join(", ", texts));
        Field category = m == null ? null : m.fields().stream().filter(f -> !f.values().isEmpty()).findFirst().orElse(null);
        view.put("filterCategory", category == null ? "nil" : "item." + category.name());
        view.put("categories", category == null ? "" : String.join(", ", category.values().stream().map(s -> "\"" + SwiftNames.literal(s).replace("\\(", "\\\\(") + "\"").toList()));
        view.put("showsDates", "false");
        view.put("storeKey", SwiftNames.literal(r.list().path()));
        view.put("create", formable(plan, r));
        if (deletable(r)) {
            view.put("delete", true);
            view.put("deleteCall", call(r.delete(), idArgument(m, r.delete())));
        }
        return view;
    }

    private static Map<String, Object> detail(AppPlan plan, Map<String, Object> view, Resource r) {
        Model m = r.model();
        view.put("sampleLiteral", ClientViews.rawString(SwiftProject.example(plan, r.elementType())));
        var rows = new ArrayList<Map<String, Object>>();
        if (m != null) for (Field f : m.fields()) rows.add(Map.of("label", SwiftNames.literal(f.label()), "value", text("item", f)));
        view.put("rows", rows);
        Field title = m == null ? null : m.titleField();
        view.put("navigationTitle", title == null ? "item.summary" : text("item", title));
        if (m != null && r.get() != null && m.name().equals(r.get().returnType()) && idArgument(m, r.get()) != null) {
            view.put("reload", call(r.get(), idArgument(m, r.get())));
        }
        return view;
    }

    private static Map<String, Object> form(AppPlan plan, Map<String, Object> view, Resource r) {
        Model body = bodyModel(plan, r.create());
        var inputs = new ArrayList<Map<String, Object>>();
        var args = new ArrayList<String>();
        for (Field f : body.fields()) {
            if (f.scalar() && !f.name().equals("id")) {
                inputs.add(input(f.name(), f.label(), f.kind(), f.values(), "The " + f.label().toLowerCase(Locale.ROOT)));
                args.add(f.name() + ": " + (f.optional() && f.kind().equals("string") && f.values().isEmpty() ? f.name() + ".isEmpty ? nil : " + f.name() : f.name()));
            } else {
                args.add(f.name() + ": " + defaultValue(f));
            }
        }
        view.put("inputs", inputs);
        var call = new ArrayList<String>();
        for (var p : r.create().params()) if (!p.optional()) call.add(p.name() + ": " + defaultFor(p.type()));
        call.add("body: " + body.name() + "(" + String.join(", ", args) + ")");
        view.put("createCall", r.create().function() + "(" + String.join(", ", call) + ")");
        return view;
    }

    private static Map<String, Object> lookup(Map<String, Object> view, Resource r) {
        Endpoint get = r.get();
        var inputs = new ArrayList<Map<String, Object>>();
        var args = new ArrayList<String>();
        for (var p : get.params()) {
            if (p.optional()) continue;
            String kind = switch (p.type()) {
                case "Int" -> "integer";
                case "Double" -> "number";
                case "Bool" -> "boolean";
                default -> "string";
            };
            inputs.add(input(p.name(), SwiftNames.title(p.wire()), kind, List.of(), "The " + SwiftNames.title(p.wire()).toLowerCase(Locale.ROOT) + " to look up"));
            args.add(p.name() + ": " + p.name());
        }
        view.put("inputs", inputs);
        view.put("getPath", get.path().replace("*/", "* /"));
        view.put("resultType", get.returnType() == null ? "JSONValue" : get.returnType());
        view.put("getCall", get.function() + "(" + String.join(", ", args) + ")");
        return view;
    }

    private static Map<String, Object> input(String state, String label, String kind, List<String> values, String hint) {
        String l = SwiftNames.literal(label).replace("\\(", "\\\\(");
        String control;
        String initial;
        if (!values.isEmpty()) {
            initial = "\"" + SwiftNames.literal(values.get(0)).replace("\\(", "\\\\(") + "\"";
            var options = values.stream().map(s -> "\"" + SwiftNames.literal(s).replace("\\(", "\\\\(") + "\"").toList();
            control = "Picker(\"" + l + "\", selection: $" + state + ") { ForEach([" + String.join(", ", options) + "], id: \\.self) { Text($0).tag($0) } }";
        } else {
            switch (kind) {
                case "integer" -> {
                    initial = "0";
                    control = "TextField(\"" + l + "\", value: $" + state + ", format: .number)";
                }
                case "number" -> {
                    initial = "0.0";
                    control = "TextField(\"" + l + "\", value: $" + state + ", format: .number)";
                }
                case "boolean" -> {
                    initial = "false";
                    control = "Toggle(\"" + l + "\", isOn: $" + state + ")";
                }
                default -> {
                    initial = "\"\"";
                    control = "TextField(\"" + l + "\", text: $" + state + ")";
                }
            }
        }
        return Map.of("state", state, "initial", initial, "control", control, "hint", SwiftNames.literal(hint).replace("\\(", "\\\\("));
    }

    /** A create form needs a body model whose required fields are scalars, arrays, JSON or optional. */
    static boolean formable(AppPlan plan, Resource r) {
        if (r.create() == null || r.list() == null) return false;
        Model body = bodyModel(plan, r.create());
        return body != null && body.fields().stream().allMatch(f -> defaultValue(f) != null);
    }

    private static boolean deletable(Resource r) {
        return r.delete() != null && r.model() != null && idArgument(r.model(), r.delete()) != null && r.delete().bodyType() == null;
    }

    /** The item's id as the endpoint's one path parameter ({@code String(item.id)} for a text parameter), or null when it does not fit. */
    private static String idArgument(Model m, Endpoint e) {
        if (m.idField() == null || e.pathParams().size() != 1) return null;
        String id = typeOf(m, m.idField());
        String param = e.pathParams().get(0).type();
        if (id.equals(param)) return "item." + m.idField();
        return param.equals("String") ? "String(item." + m.idField() + ")" : null;
    }

    private static Model bodyModel(AppPlan plan, Endpoint e) {
        if (e == null || e.bodyType() == null) return null;
        return plan.models().stream().filter(m -> m.name().equals(e.bodyType())).findFirst().orElse(null);
    }

    /** A value to send for a field the form does not ask for; null when there is none (a required nested model). */
    private static String defaultValue(Field f) {
        if (f.optional()) return "nil";
        if (f.scalar()) return f.values().isEmpty() ? defaultFor(f.type()) : "\"" + SwiftNames.literal(f.values().get(0)).replace("\\(", "\\\\(") + "\"";
        if (f.type().startsWith("[")) return "[]";
        if (f.type().equals("JSONValue")) return ".null";
        return null;
    }

    private static String defaultFor(String type) {
        return switch (type) {
            case "Int" -> "0";
            case "Double" -> "0";
            case "Bool" -> "false";
            default -> "\"\"";
        };
    }

    private static String typeOf(Model m, String field) {
        return m.fields().stream().filter(f -> f.name().equals(field)).findFirst().orElseThrow().type();
    }

    private static String call(Endpoint e, String firstPathValue) {
        var args = new ArrayList<String>();
        var pathParams = e.pathParams();
        for (var p : e.params()) {
            if (p.inPath() && p == pathParams.get(0)) args.add(p.name() + ": " + firstPathValue);
            else if (!p.optional()) args.add(p.name() + ": " + defaultFor(p.type()));
        }
        return e.function() + "(" + String.join(", ", args) + ")";
    }

    /** A field as text for a row or a label. */
    static String text(String item, Field f) {
        String ref = item + "." + f.name();
        return switch (f.kind()) {
            case "string" -> f.optional() ? ref + " ?? \"—\"" : ref;
            case "integer", "number", "boolean" -> f.optional() ? ref + ".map { String($0) } ?? \"—\"" : "String(" + ref + ")";
            default -> "DisplayText.describe(" + ref + ")";
        };
    }
}
