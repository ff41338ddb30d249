package dev.luna.workers.expoapp.render;

import dev.luna.workers.expoapp.plan.AppPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code app.json}: name, slug, scheme, bundle id/package, automatic light/dark, the plugins the options need, the API URL. */
final class AppConfig {
    private AppConfig() {
    }

    private static Map<String, Object> ordered(Object... kv) {
        var m = new LinkedHashMap<String, Object>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    static String json(AppPlan plan, ExpoProject.Settings settings) {
        var expo = new LinkedHashMap<String, Object>();
        expo.put("name", plan.appName());
        expo.put("slug", plan.slug());
        expo.put("version", "1.0.0");
        expo.put("orientation", "default");
        expo.put("scheme", plan.slug());
        expo.put("userInterfaceStyle", "automatic");
        expo.put("ios", ordered("bundleIdentifier", plan.bundleId(), "supportsTablet", true));
        expo.put("android", ordered("package", plan.bundleId()));
        expo.put("web", ordered("output", "single"));
        List<Object> plugins = new ArrayList<>();
        plugins.add("expo-router");
        if (plan.authNeeded()) plugins.add("expo-secure-store");
        if (settings.push()) plugins.add(List.of("expo-notifications", ordered("color", "#0066CC")));
        expo.put("plugins", plugins);
        expo.put("extra", ordered("apiUrl", settings.baseUrl()));
        return ExpoProject.json(ordered("expo", expo));
    }
}
