package dev.luna.workers.cloudflare;

import dev.luna.workers.cloudflare.plan.CostProjection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code migration.json}: the whole analysis as data, in the shape of {@code schemas/migration.schema.json}. */
final class MigrationJson {
    static final int VERSION = 1;

    private MigrationJson() {
    }

    static Map<String, Object> of(MigrationReport r) {
        var inv = r.inventory();
        var out = new LinkedHashMap<String, Object>();
        out.put("schemaVersion", VERSION);
        out.put("project", r.project());
        out.put("backendFound", r.backendFound());
        out.put("complete", r.complete());
        out.put("summary", summary(r));
        out.put("routes", inv.routes().stream().map(x -> {
            var m = new LinkedHashMap<String, Object>();
            m.put("method", x.method());
            m.put("path", x.path());
            m.put("source", x.source());
            m.put("file", x.file());
            m.put("line", x.line());
            m.put("verdict", x.verdict());
            m.put("handling", x.isPorted() ? "ported" : "proxied");
            m.put("note", x.note());
            return m;
        }).toList());
        out.put("inventory", inv.items().stream().map(i -> {
            var m = new LinkedHashMap<String, Object>();
            m.put("category", i.category());
            m.put("name", i.name());
            m.put("file", i.file());
            m.put("line", i.line());
            m.put("verdict", i.verdict());
            m.put("target", i.target());
            m.put("note", i.note());
            return m;
        }).toList());
        out.put("tables", inv.tables().stream().map(t -> {
            var m = new LinkedHashMap<String, Object>();
            m.put("name", t.name());
            m.put("source", t.source());
            m.put("file", t.file());
            m.put("line", t.line());
            m.put("verdict", t.verdict());
            m.put("columns", t.definitions());
            m.put("changes", t.changes());
            return m;
        }).toList());
        out.put("plan", r.plan().stream().map(s -> {
            var m = new LinkedHashMap<String, Object>();
            m.put("order", s.order());
            m.put("id", s.id());
            m.put("title", s.title());
            m.put("action", s.action());
            m.put("effortDays", s.effortDays());
            m.put("risk", s.risk());
            m.put("rollback", s.rollback());
            return m;
        }).toList());
        out.put("cost", cost(r.cost(), r.volumes()));
        out.put("bindings", bindings(r));
        out.put("skipped", inv.skipped());
        out.put("prose", o("by", r.proseBy(), "note", r.proseNote()));
        return out;
    }

    static Map<String, Object> summary(MigrationReport r) {
        var inv = r.inventory();
        var s = new LinkedHashMap<String, Object>();
        long ported = inv.routes().stream().filter(x -> x.isPorted()).count();
        s.put("routes", inv.routes().size());
        s.put("ported", ported);
        s.put("proxied", inv.routes().size() - ported);
        s.put("items", inv.items().size());
        s.put("tables", inv.tables().size());
        var verdicts = new TreeMap<String, Integer>();
        for (String v : List.of("adapt", "direct", "rewrite", "unsupported")) verdicts.put(v, 0);
        inv.items().forEach(i -> verdicts.merge(i.verdict(), 1, Integer::sum));
        inv.routes().forEach(x -> verdicts.merge(x.verdict(), 1, Integer::sum));
        s.put("byVerdict", verdicts);
        s.put("unsupported", inv.items().stream().filter(i -> i.verdict().equals("unsupported")).map(i -> i.name()).distinct().sorted().toList());
        s.put("effortDays", r.effortDays());
        s.put("monthlyUsd", o("aws", r.cost().awsTotal(), "workersPaid", r.cost().paidTotal()));
        s.put("workersFreeFits", r.cost().freeFits());
        s.put("message", r.backendFound() ? "backend found: " + inv.routes().size() + " routes, " + inv.tables().size() + " tables, "
                + inv.items().size() + " other findings" : "no backend found: no HTTP routes, functions, datastores, storage or queues in the source; nothing to migrate");
        return s;
    }

    private static Map<String, Object> cost(CostProjection.Cost c, MigrationOptions.Volumes v) {
        var m = new LinkedHashMap<String, Object>();
        m.put("priceTableAsOf", c.asOf());
        m.put("sources", c.sources());
        m.put("note", c.note());
        var vol = new LinkedHashMap<String, Object>();
        vol.put("requestsPerMonth", v.requestsPerMonth());
        vol.put("cpuMsPerRequest", v.cpuMsPerRequest());
        vol.put("durationMsPerRequest", v.durationMsPerRequest());
        vol.put("lambdaMemoryMb", v.lambdaMemoryMb());
        vol.put("dbReadsPerRequest", v.dbReadsPerRequest());
        vol.put("dbWritesPerRequest", v.dbWritesPerRequest());
        vol.put("databaseGb", v.databaseGb());
        vol.put("objectStorageGb", v.objectStorageGb());
        vol.put("objectWritesPerMonth", v.objectWritesPerMonth());
        vol.put("objectReadsPerMonth", v.objectReadsPerMonth());
        vol.put("kvReadsPerMonth", v.kvReadsPerMonth());
        vol.put("kvWritesPerMonth", v.kvWritesPerMonth());
        vol.put("queueMessagesPerMonth", v.queueMessagesPerMonth());
        vol.put("egressGb", v.egressGb());
        m.put("volumes", vol);
        m.put("rows", c.rows().stream().map(row -> {
            var x = new LinkedHashMap<String, Object>();
            x.put("component", row.component());
            x.put("aws", o("service", row.awsService(), "usd", row.awsUsd(), "basis", row.awsBasis()));
            x.put("workersFree", o("fits", row.freeFits(), "usd", 0.0, "note", row.freeNote()));
            x.put("workersPaid", o("usd", row.paidUsd(), "basis", row.paidBasis()));
            return x;
        }).toList());
        var totals = new LinkedHashMap<String, Object>();
        totals.put("aws", c.awsTotal());
        totals.put("workersFree", o("fits", c.freeFits(), "usd", 0.0));
        totals.put("workersPaid", c.paidTotal());
        m.put("totals", totals);
        return m;
    }

    /** An ordered map of alternating keys and values (Map.of iterates in no fixed order). */
    static Map<String, Object> o(Object... kv) {
        var m = new LinkedHashMap<String, Object>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    private static Map<String, Object> bindings(MigrationReport r) {
        var b = r.bindings();
        var m = new LinkedHashMap<String, Object>();
        m.put("worker", b.name());
        m.put("d1", b.d1() == null ? List.of() : List.of(b.d1().binding()));
        m.put("kv", b.kv() == null ? List.of() : List.of(b.kv().binding()));
        m.put("r2", b.r2().stream().map(x -> x.binding()).toList());
        m.put("queues", b.queues().stream().map(x -> x.binding()).toList());
        m.put("crons", b.crons().stream().map(x -> x.cron()).toList());
        m.put("vars", b.vars().stream().map(x -> x.name()).toList());
        m.put("secrets", b.secrets().stream().map(x -> x.name()).toList());
        m.put("files", r.files().keySet().stream().toList());
        return m;
    }
}
