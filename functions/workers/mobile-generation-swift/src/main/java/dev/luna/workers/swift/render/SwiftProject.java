package dev.luna.workers.swift.render;

import dev.luna.workers.swift.plan.AppPlan;
import dev.luna.workers.swift.plan.Field;
import dev.luna.workers.swift.plan.Model;
import dev.luna.workers.swift.plan.SwiftNames;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The generated Xcode project, file by file (path → text, sorted): XcodeGen {@code project.yml}, {@code Package.swift}
 * with the core library (client, models, offline store, design system, colour assets), the app's screens and the
 * client's tests. Templates under {@code templates/} mirror the tree ({@code Sources/Core} stands for the core's name).
 */
public final class SwiftProject {
    static final List<String> COPIED_CORE = List.of("API/JSONValue.swift", "DesignSystem/Components.swift", "DesignSystem/FloatingFilterBar.swift");

    private SwiftProject() {
    }

    /** The core package's name: the app's type name + {@code Core}. */
    public static String coreName(AppPlan plan) {
        return plan.typeName() + "Core";
    }

    /** Whether {@code path} is a template copied as it is (left out of goldens). */
    public static boolean copiedFile(String path) {
        return COPIED_CORE.stream().anyMatch(c -> path.endsWith("/" + c));
    }

    public static Map<String, String> files(AppPlan plan, DesignSystemFiles designSystem) {
        var files = new TreeMap<String, String>();
        String core = "Sources/" + coreName(plan) + "/";
        var view = projectView(plan);
        files.put("project.yml", Templates.render("project.yml", view));
        files.put("Package.swift", Templates.render("Package.swift", view));
        files.put("README.md", Templates.render("README.md", view));
        files.put("DESIGN.md", designSystem.contrastMarkdown());
        for (String path : COPIED_CORE) files.put(core + path, Templates.copy("Sources/Core/" + path));
        files.put(core + "DesignSystem/DS.swift", designSystem.swift(".module"));
        files.putAll(designSystem.assetCatalog(core + "Resources/Assets.xcassets/"));
        var store = ModelViews.store(plan);
        files.put(core + "Persistence/OfflineStore.swift",
                Templates.render(plan.options().coreData() ? "Sources/Core/Persistence/OfflineStore.coreData.swift" : "Sources/Core/Persistence/OfflineStore.swiftData.swift", store));
        if (!plan.shell()) {
            files.put(core + "API/APIClient.swift", Templates.render("Sources/Core/API/APIClient.swift", ClientViews.client(plan)));
            files.put(core + "API/Models.swift", Templates.render("Sources/Core/API/Models.swift", ModelViews.models(plan)));
            files.put("Tests/" + coreName(plan) + "Tests/APIClientTests.swift", Templates.render("Tests/CoreTests/APIClientTests.swift", ClientViews.tests(plan)));
            ScreenViews.screens(plan).forEach((name, text) -> files.put("App/Screens/" + name, text));
        } else {
            files.put(core + "API/APIClient.swift", Templates.render("Sources/Core/API/APIClient.swift", ClientViews.client(plan)));
            files.put("Tests/" + coreName(plan) + "Tests/DesignSystemTests.swift", shellTest(plan));
        }
        files.put("App/" + plan.typeName() + "App.swift", Templates.render("App/App.swift", view));
        files.put("App/RootView.swift", Templates.render("App/RootView.swift", view));
        if (plan.options().applePay()) files.put("App/ApplePay/CheckoutView.swift", Templates.render("App/ApplePay/CheckoutView.swift", view));
        files.put("App/Assets.xcassets/Contents.json", DesignSystemFiles.INFO_ONLY);
        var tint = designSystem.tokens().color("tint");
        files.put("App/Assets.xcassets/AccentColor.colorset/Contents.json", DesignSystemFiles.colorSet(tint.light(), tint.dark()));
        files.put("App/Assets.xcassets/AppIcon.appiconset/Contents.json", APP_ICON);
        return files;
    }

    public static Map<String, byte[]> bytes(Map<String, String> files) {
        var out = new TreeMap<String, byte[]>();
        files.forEach((k, v) -> out.put(k, v.getBytes(StandardCharsets.UTF_8)));
        return out;
    }

    private static Map<String, Object> projectView(AppPlan plan) {
        var o = plan.options();
        var view = new LinkedHashMap<String, Object>();
        view.put("appName", plan.appName());
        view.put("appNameLiteral", SwiftNames.literal(plan.appName()));
        view.put("typeName", plan.typeName());
        view.put("coreName", coreName(plan));
        view.put("bundleId", o.bundleId());
        view.put("bundleIdPrefix", o.bundleId().substring(0, o.bundleId().lastIndexOf('.')));
        view.put("baseUrl", o.baseUrl());
        view.put("merchantId", o.merchantId());
        view.put("currencyCode", o.currencyCode());
        view.put("countryCode", o.countryCode());
        view.put("applePay", o.applePay());
        view.put("paymentPath", plan.payment() == null ? "/payments" : plan.payment().path());
        var targets = new ArrayList<Map<String, Object>>();
        if (o.iPhone() || o.iPad()) {
            String family = o.iPhone() && o.iPad() ? "1,2" : o.iPhone() ? "1" : "2";
            targets.add(target(plan, plan.typeName(), "iOS", "17.0", family, targets.isEmpty()));
        }
        if (o.macOS()) targets.add(target(plan, plan.typeName() + (targets.isEmpty() ? "" : "Mac"), "macOS", "14.0", null, targets.isEmpty()));
        view.put("targets", targets);
        view.put("testPlatform", targets.get(0).get("platform"));
        view.put("platformsText", String.join(", ", o.platforms().stream().map(p -> switch (p) {
            case "ios" -> "iPhone";
            case "ipados" -> "iPad";
            default -> "Mac";
        }).toList()));
        view.put("schemesText", String.join(" or ", targets.stream().map(t -> "`" + t.get("name") + "`").toList()));
        view.put("targetsText", String.join(", ", targets.stream().map(t -> "`" + t.get("name") + "` (" + t.get("platform") + ")").toList()));
        view.put("persistenceText", o.coreData() ? "Core Data" : "SwiftData");
        view.put("source", plan.shell() ? "no API (an app shell)" : plan.document() != null ? "the OpenAPI document `" + plan.document() + "`" : "the HTTP endpoints in its code");
        view.put("shell", plan.shell());
        view.put("shellMessage", "No API was found in the source. Connect this app to a service by regenerating it from the code that serves the API.");
        var sections = ScreenViews.sections(plan);
        view.put("sections", sections);
        view.put("sectionCount", sections.size());
        view.put("firstSection", sections.isEmpty() ? "" : sections.get(0).get("caseName"));
        if (plan.shell() && !sections.isEmpty()) view.put("shell", false); // a shell with Apple Pay still has its checkout section
        view.put("resources", plan.resources().stream().map(r -> Map.of("title", r.title(), "screens", ScreenViews.summary(plan, r))).toList());
        view.put("notes", plan.notes().stream().map(SwiftNames::comment).toList());
        view.put("hasNotes", !plan.notes().isEmpty());
        return view;
    }

    private static Map<String, Object> target(AppPlan plan, String name, String platform, String deployment, String family, boolean runsTests) {
        var t = new LinkedHashMap<String, Object>();
        t.put("name", name);
        t.put("platform", platform);
        t.put("deploymentTarget", deployment);
        t.put("displayName", SwiftNames.literal(plan.appName()));
        t.put("iOS", platform.equals("iOS"));
        t.put("macOS", platform.equals("macOS"));
        t.put("deviceFamily", family);
        t.put("entitlements", plan.options().applePay());
        t.put("merchantId", plan.options().merchantId());
        t.put("runsTests", runsTests);
        t.put("bundleId", plan.options().bundleId());
        t.put("coreName", coreName(plan));
        return t;
    }

    /** A JSON literal that decodes into the Swift type. */
    static String example(AppPlan plan, String type) {
        if (type.startsWith("[")) return "[]";
        return switch (type) {
            case "String" -> "\"sample\"";
            case "Int" -> "1";
            case "Double" -> "1.5";
            case "Bool" -> "true";
            case "JSONValue" -> "{}";
            default -> {
                Model model = plan.models().stream().filter(m -> m.name().equals(type)).findFirst().orElse(null);
                if (model == null) yield "{}";
                var sb = new StringBuilder("{");
                for (Field f : model.fields()) {
                    if (sb.length() > 1) sb.append(", ");
                    sb.append('"').append(f.wire().replace("\\", "\\\\").replace("\"", "\\\"")).append("\": ").append(f.example());
                }
                yield sb.append('}').toString();
            }
        };
    }

    private static String shellTest(AppPlan plan) {
        return "import XCTest\n@testable import " + coreName(plan) + "\n\nfinal class DesignSystemTests: XCTestCase {\n"
                + "    func testTheFilterMatchesText() {\n        var filter = FilterState()\n        filter.text = \"pay\"\n"
                + "        XCTAssertTrue(filter.matches(texts: [\"Payments\"]))\n        XCTAssertFalse(filter.matches(texts: [\"Orders\"]))\n    }\n}\n";
    }

    private static final String APP_ICON = "{\n  \"images\" : [\n    {\n      \"idiom\" : \"universal\",\n      \"platform\" : \"ios\",\n      \"size\" : \"1024x1024\"\n    },\n"
            + "    {\n      \"idiom\" : \"mac\",\n      \"scale\" : \"1x\",\n      \"size\" : \"512x512\"\n    },\n"
            + "    {\n      \"idiom\" : \"mac\",\n      \"scale\" : \"2x\",\n      \"size\" : \"512x512\"\n    }\n  ],\n"
            + "  \"info\" : {\n    \"author\" : \"luna\",\n    \"version\" : 1\n  }\n}\n";
}
