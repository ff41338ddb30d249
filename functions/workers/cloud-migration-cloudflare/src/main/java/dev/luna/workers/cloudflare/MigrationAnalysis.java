package dev.luna.workers.cloudflare;

import dev.luna.codebase.Codebase;
import dev.luna.codebase.ProjectModel;
import dev.luna.workers.cloudflare.gen.Bindings;
import dev.luna.workers.cloudflare.gen.WorkerProject;
import dev.luna.workers.cloudflare.inventory.InventoryBuilder;
import dev.luna.workers.cloudflare.plan.CostProjection;
import dev.luna.workers.cloudflare.plan.MigrationPlan;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * The deterministic core: the project model ({@link Codebase}), the inventory with verdicts, the ordered plan, the cost
 * projection, and the Wrangler project. Reads source text only; nothing of the project runs.
 */
public final class MigrationAnalysis {
    private final Codebase codebase;
    private final InventoryBuilder inventory = new InventoryBuilder();

    public MigrationAnalysis(Codebase codebase) {
        this.codebase = codebase;
    }

    public ProjectModel model(Path root, List<String> files, BooleanSupplier stop) {
        return codebase.analyse(root, files, stop);
    }

    public MigrationReport run(ProjectModel model, Path root, MigrationOptions options, BooleanSupplier stop) {
        var inv = inventory.build(model, root, stop);
        var plan = inv.backendFound() ? MigrationPlan.of(inv) : List.<MigrationPlan.Step>of();
        var usage = new CostProjection.Usage(database(inv), !inv.items("storage").isEmpty() || !inv.resources("bucket").isEmpty(),
                !inv.items("queue").isEmpty() || !inv.resources("queue").isEmpty(),
                inv.items().stream().anyMatch(i -> i.target().startsWith("KV")));
        var cost = CostProjection.of(options.volumes(), usage);
        String name = Bindings.workerName(options.name(), model.manifests().stream().map(m -> m.name()).filter(n -> n != null).toList());
        var bindings = Bindings.of(name, inv);
        Map<String, String> files = inv.backendFound() ? WorkerProject.render(bindings, inv, options.originUrl(), options.terraform()) : Map.of();
        boolean complete = model.complete() && !stop.getAsBoolean();
        return new MigrationReport(project(name, model), complete, inv, plan, cost, options.volumes(), bindings, files, "deterministic",
                "no model was used");
    }

    private static String database(dev.luna.workers.cloudflare.inventory.Inventory inv) {
        if (!inv.resources("table").isEmpty() || inv.items().stream().anyMatch(i -> i.name().startsWith("Amazon DynamoDB") || i.name().equals("dynamodb-call"))) return "dynamodb";
        if (!inv.tables().isEmpty() || inv.items("datastore").stream().anyMatch(i -> i.target().startsWith("D1"))) return "sql";
        return "none";
    }

    private static Map<String, Object> project(String name, ProjectModel model) {
        var p = new LinkedHashMap<String, Object>();
        p.put("name", name);
        p.put("files", model.files().size());
        var languages = new TreeMap<String, Long>();
        model.languages().stream().filter(l -> l.lines() > 0).forEach(l -> languages.put(l.language(), l.lines()));
        p.put("languages", languages);
        p.put("frameworks", model.frameworks().stream().filter(f -> f.category().equals("framework")).map(f -> f.name()).sorted().distinct().toList());
        return p;
    }
}
