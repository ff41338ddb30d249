package dev.luna.workers.cloudflare.gen;

import dev.luna.workers.cloudflare.inventory.Inventory;
import dev.luna.workers.cloudflare.inventory.Item;
import dev.luna.workers.cloudflare.inventory.Schedules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Worker's bindings, derived from the inventory: a D1 database when tables were found, a KV namespace for caches and
 * sessions, an R2 bucket per S3 bucket, a Queue per SQS queue, a Cron Trigger per translatable schedule, and the
 * environment variables (names only) as vars or secrets. Names are valid identifiers and unique.
 */
public record Bindings(String name, D1 d1, Kv kv, List<R2> r2, List<QueueBinding> queues, boolean consumers, List<Cron> crons, List<Var> vars,
                       List<Var> secrets) {
    public record D1(String binding, String databaseName, String resource) {
    }

    public record Kv(String binding, String title, String resource) {
    }

    public record R2(String binding, String bucketName, String resource) {
    }

    public record QueueBinding(String binding, String queueName, String resource) {
    }

    public record Cron(String cron, String name, String location) {
    }

    public record Var(String name, String location) {
    }

    public static Bindings of(String name, Inventory inv) {
        var used = new HashSet<>(Set.of("ORIGIN_URL"));
        D1 d1 = inv.tables().isEmpty() ? null : new D1(unique("DB", used), name + "-db", "db");
        boolean kvNeeded = inv.items().stream().anyMatch(i -> i.target().startsWith("KV") || i.name().equals("express-session"));
        Kv kv = kvNeeded ? new Kv(unique("CACHE", used), name + "-cache", "cache") : null;
        var r2 = new ArrayList<R2>();
        for (var b : inv.resources("bucket")) r2.add(new R2(unique(upper(b.name()), used), kebab(b.name()), snake(b.name())));
        if (r2.isEmpty() && !inv.items("storage").isEmpty() || r2.isEmpty() && inv.items().stream().anyMatch(i -> i.name().equals("file-upload"))) {
            r2.add(new R2(unique("BUCKET", used), name + "-files", "files"));
        }
        var queues = new ArrayList<QueueBinding>();
        for (var q : inv.resources("queue")) queues.add(new QueueBinding(unique(upper(q.name()), used), kebab(q.name()), snake(q.name())));
        if (queues.isEmpty() && !inv.items("queue").isEmpty()) queues.add(new QueueBinding(unique("QUEUE", used), name + "-jobs", "jobs"));
        boolean consumers = !queues.isEmpty() && !inv.resources("queue-consumer").isEmpty();
        var crons = new TreeMap<String, Cron>();
        for (var s : inv.resources("schedule")) {
            String cron = Schedules.toCron(s.keys().isEmpty() ? null : s.keys().get(0));
            if (cron != null) crons.merge(cron, new Cron(cron, s.name(), s.file() + ":" + s.line()),
                    (a, b) -> new Cron(a.cron(), a.name() + ", " + b.name(), a.location() + ", " + b.location()));
        }
        var vars = new TreeMap<String, Var>();
        var secrets = new TreeMap<String, Var>();
        for (Item i : inv.items()) {
            if (!i.category().equals("env") && !i.category().equals("secret")) continue;
            if (used.contains(i.name())) continue;
            (i.category().equals("secret") ? secrets : vars).putIfAbsent(i.name(), new Var(i.name(), i.location()));
        }
        used.addAll(vars.keySet());
        used.addAll(secrets.keySet());
        return new Bindings(name, d1, kv, List.copyOf(r2), List.copyOf(queues), consumers, List.copyOf(crons.values()),
                List.copyOf(vars.values()), List.copyOf(secrets.values()));
    }

    /** The Worker's name: the option, else the first manifest's name, else {@code migrated-backend}; lower-case letters, digits, dashes. */
    public static String workerName(String option, List<String> manifestNames) {
        if (option != null && !option.isBlank()) return kebab(option);
        for (String n : manifestNames) {
            String k = kebab(n == null ? "" : n.replaceFirst("^@[^/]+/", ""));
            if (k.length() >= 3) return k;
        }
        return "migrated-backend";
    }

    static String kebab(String s) {
        String k = s.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (k.length() > 50) k = k.substring(0, 50).replaceAll("-+$", "");
        return k.length() < 3 ? (k + "-app").replaceAll("^-", "") : k;
    }

    static String upper(String s) {
        String u = s.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_").replaceAll("^_+|_+$", "");
        return u.isEmpty() || !Character.isLetter(u.charAt(0)) ? "B_" + u : u;
    }

    static String snake(String s) {
        return upper(s).toLowerCase(Locale.ROOT);
    }

    private static String unique(String base, Set<String> used) {
        String name = base;
        for (int i = 2; !used.add(name); i++) name = base + "_" + i;
        return name;
    }

    /** The bindings as Mustache sees them. */
    public Map<String, Object> view() {
        var m = new TreeMap<String, Object>();
        m.put("name", name);
        m.put("d1", d1 == null ? List.of() : List.of(d1));
        m.put("kv", kv == null ? List.of() : List.of(kv));
        m.put("r2", r2);
        m.put("queues", queues);
        m.put("crons", crons);
        m.put("vars", vars);
        m.put("secrets", secrets);
        m.put("hasD1", d1 != null);
        m.put("hasKv", kv != null);
        m.put("hasR2", !r2.isEmpty());
        m.put("hasQueues", !queues.isEmpty());
        m.put("hasCrons", !crons.isEmpty());
        m.put("hasConsumers", consumers);
        if (d1 != null) {
            m.put("d1Binding", d1.binding());
            m.put("d1Name", d1.databaseName());
        }
        if (kv != null) m.put("kvBinding", kv.binding());
        return m;
    }
}
