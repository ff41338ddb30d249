package dev.luna.workers.cloudflare;

import dev.luna.workers.cloudflare.gen.Bindings;
import dev.luna.workers.cloudflare.inventory.Inventory;
import dev.luna.workers.cloudflare.plan.CostProjection;
import dev.luna.workers.cloudflare.plan.MigrationPlan;
import java.util.List;
import java.util.Map;

/**
 * The deterministic result of one analysis: what was found, the plan, the cost, the generated project's files.
 *
 * @param project  name, files, languages, frameworks
 * @param complete false when the analysis stopped early
 * @param files    the generated project (path → text), empty when no backend was found
 * @param proseBy  {@code deterministic} or {@code model}
 * @param proseNote what the model did, or why it was not used
 */
public record MigrationReport(Map<String, Object> project, boolean complete, Inventory inventory, List<MigrationPlan.Step> plan,
                              CostProjection.Cost cost, MigrationOptions.Volumes volumes, Bindings bindings, Map<String, String> files,
                              String proseBy, String proseNote) {
    public MigrationReport {
        plan = List.copyOf(plan);
        files = files == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(files));
    }

    public MigrationReport withPlan(List<MigrationPlan.Step> steps, String by, String note) {
        return new MigrationReport(project, complete, inventory, steps, cost, volumes, bindings, files, by, note);
    }

    public boolean backendFound() {
        return inventory.backendFound();
    }

    public double effortDays() {
        return Math.round(plan.stream().mapToDouble(MigrationPlan.Step::effortDays).sum() * 10) / 10.0;
    }
}
