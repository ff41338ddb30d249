package dev.luna.workers.design;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** ADR files in MADR format: {@code adr/NNNN-title.md}, numbered in order (recovered decisions first, then the brief's). */
final class Adrs {
    private Adrs() {
    }

    static String fileName(int number, Decision d) {
        return "adr/%04d-%s.md".formatted(number, Names.slug(d.title(), 60));
    }

    static Map<String, String> render(List<Decision> decisions) {
        var out = new TreeMap<String, String>();
        for (int i = 0; i < decisions.size(); i++) {
            var d = decisions.get(i);
            var ctx = new LinkedHashMap<String, Object>();
            ctx.put("number", i + 1);
            ctx.put("title", d.title());
            ctx.put("status", d.status());
            ctx.put("category", d.category());
            ctx.put("context", d.context());
            ctx.put("drivers", d.drivers());
            ctx.put("options", d.options());
            ctx.put("chosen", d.chosen());
            ctx.put("because", d.because());
            ctx.put("good", d.good());
            ctx.put("bad", d.bad());
            ctx.put("evidence", d.evidence().stream().map(e -> e.replace('`', '\'').replace("{{", "{ {")).toList());
            out.put(fileName(i + 1, d), Templates.render("adr.md.mustache", ctx));
        }
        return out;
    }
}
