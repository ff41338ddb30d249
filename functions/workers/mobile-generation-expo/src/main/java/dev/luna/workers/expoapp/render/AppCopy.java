package dev.luna.workers.expoapp.render;

import dev.luna.workers.expoapp.plan.AppPlan;
import dev.luna.workers.expoapp.plan.Names;
import dev.luna.workers.expoapp.plan.TsText;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The app's words ({@code src/copy.ts}): its title, the note of an app shell, and per resource its title, singular and
 * empty-state text. Deterministic from the schema's names and summaries; a model may rewrite the empty states.
 *
 * @param appTitle  the app's name
 * @param note      what the start screen says when no API was found (else empty)
 * @param resources per resource key: title, singular, emptyTitle, emptyMessage
 */
public record AppCopy(String appTitle, String note, Map<String, Map<String, String>> resources) {
    public static final int MAX_TEXT = 160;

    public static AppCopy of(AppPlan plan) {
        var res = new LinkedHashMap<String, Map<String, String>>();
        for (var r : plan.resources()) {
            var m = new LinkedHashMap<String, String>();
            m.put("title", r.title());
            m.put("singular", r.singular());
            m.put("emptyTitle", "No " + r.title().toLowerCase(Locale.ROOT) + " yet");
            m.put("emptyMessage", r.description());
            res.put(r.key(), m);
        }
        String note = plan.apiFound() ? "" : "No API was found in this project, so this is an app shell: add an OpenAPI document or HTTP endpoints and generate again.";
        return new AppCopy(TsText.copy(plan.appName(), 50), note, res);
    }

    /** This copy with the empty-state text of some resources replaced (each already checked to be short, plain text). */
    public AppCopy withEmptyStates(Map<String, String[]> byKey) {
        var res = new LinkedHashMap<String, Map<String, String>>();
        resources.forEach((k, v) -> {
            var m = new LinkedHashMap<>(v);
            var e = byKey.get(k);
            if (e != null) {
                m.put("emptyTitle", TsText.copy(e[0], 60));
                m.put("emptyMessage", TsText.copy(e[1], MAX_TEXT));
            }
            res.put(k, m);
        });
        return new AppCopy(appTitle, note, res);
    }

    String typescript() {
        var sb = new StringBuilder("/** Every title and message the app shows, in one place (edit here to change the wording). */\nexport const copy = {\n");
        sb.append("  app: { title: ").append(TsText.string(appTitle)).append(", note: ").append(TsText.string(note)).append(" },\n");
        resources.forEach((k, v) -> {
            sb.append("  ").append(Names.camel(k, "items")).append(": {");
            var first = new boolean[] {true};
            v.forEach((f, t) -> {
                sb.append(first[0] ? " " : ", ").append(f).append(": ").append(TsText.string(t));
                first[0] = false;
            });
            sb.append(" },\n");
        });
        return sb.append("};\n").toString();
    }
}
