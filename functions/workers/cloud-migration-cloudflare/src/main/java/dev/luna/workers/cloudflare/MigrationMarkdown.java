package dev.luna.workers.cloudflare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code migration.md}: the report, rendered from {@code templates/report/migration.md.mustache}; table cells are escaped. */
final class MigrationMarkdown {
    private MigrationMarkdown() {
    }

    static String render(MigrationReport r) {
        var inv = r.inventory();
        var summary = MigrationJson.summary(r);
        var v = new LinkedHashMap<String, Object>();
        v.put("name", r.project().get("name"));
        v.put("message", cell(String.valueOf(summary.get("message"))));
        v.put("files", r.project().get("files"));
        v.put("languages", join(((Map<?, ?>) r.project().get("languages")).keySet()));
        v.put("frameworks", join((List<?>) r.project().get("frameworks")));
        v.putAll(Map.of("routes", summary.get("routes"), "ported", summary.get("ported"), "proxied", summary.get("proxied"), "tables", summary.get("tables")));
        ((Map<?, ?>) summary.get("byVerdict")).forEach((k, n) -> v.put((String) k, n));
        v.put("effortDays", r.effortDays());
        v.put("awsTotal", money(r.cost().awsTotal()));
        v.put("paidTotal", money(r.cost().paidTotal()));
        v.put("freeFits", r.cost().freeFits() ? "fits ($0)" : "does not fit");
        v.put("incomplete", !r.complete());
        v.put("hasBackend", r.backendFound());
        v.put("routeRows", inv.routes().stream().map(x -> row("method", x.method(), "path", x.path(), "verdict", x.verdict(),
                "handling", x.isPorted() ? "ported" : "proxied", "location", x.file() + ":" + x.line(), "note", x.note())).toList());
        v.put("itemRows", inv.items().stream().map(i -> row("category", i.category(), "name", i.name(), "verdict", i.verdict(), "target", i.target(),
                "location", i.location(), "note", i.note())).toList());
        var unsupported = (List<?>) summary.get("unsupported");
        v.put("hasUnsupported", !unsupported.isEmpty());
        v.put("unsupportedList", join(unsupported));
        v.put("tableRows", inv.tables().stream().map(t -> row("name", t.name(), "source", t.source(), "location", t.file() + ":" + t.line(),
                "verdict", t.verdict(), "changes", String.join("; ", t.changes()))).toList());
        v.put("steps", r.plan());
        var vol = r.volumes();
        v.put("volumes", String.format(java.util.Locale.ROOT, "%,d requests, %s CPU ms and %s ms wall time per request, %d MB Lambda memory, "
                        + "%s rows read and %s written per request, %s GB database, %s GB objects (%,d writes, %,d reads), %,d KV reads, %,d KV writes, "
                        + "%,d queue messages, %s GB egress", vol.requestsPerMonth(), num(vol.cpuMsPerRequest()), num(vol.durationMsPerRequest()),
                vol.lambdaMemoryMb(), num(vol.dbReadsPerRequest()), num(vol.dbWritesPerRequest()), num(vol.databaseGb()), num(vol.objectStorageGb()),
                vol.objectWritesPerMonth(), vol.objectReadsPerMonth(), vol.kvReadsPerMonth(), vol.kvWritesPerMonth(), vol.queueMessagesPerMonth(),
                num(vol.egressGb())));
        var costRows = new ArrayList<Map<String, Object>>();
        for (var c : r.cost().rows()) {
            costRows.add(row("component", c.component(), "awsService", c.awsService(), "awsBasis", c.awsBasis(), "awsUsd", money(c.awsUsd()),
                    "free", c.freeFits() ? "fits: " + c.freeNote() : "does not fit: " + c.freeNote(), "paidUsd", money(c.paidUsd()), "paidBasis", c.paidBasis()));
        }
        v.put("costRows", costRows);
        v.put("asOf", r.cost().asOf());
        v.put("priceNote", r.cost().note());
        v.put("sources", join(r.cost().sources()));
        v.put("fileRows", List.copyOf(r.files().keySet()));
        v.put("proseNote", r.proseBy().equals("model") ? "The plan's action texts were rewritten by a model (" + r.proseNote() + "); everything else is deterministic."
                : "Deterministic analysis: " + r.proseNote() + ".");
        return Templates.render("report/migration.md.mustache", v);
    }

    private static Map<String, Object> row(String... kv) {
        var m = new LinkedHashMap<String, Object>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], cell(kv[i + 1]));
        return m;
    }

    static String cell(String s) {
        return s == null ? "" : s.replace("|", "\\|").replaceAll("[\\r\\n]+", " ");
    }

    private static String join(java.util.Collection<?> items) {
        var out = new ArrayList<String>();
        items.forEach(i -> out.add(String.valueOf(i)));
        return out.isEmpty() ? "none" : String.join(", ", out);
    }

    static String money(double usd) {
        return String.format(java.util.Locale.ROOT, "%,.2f", usd);
    }

    private static String num(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
