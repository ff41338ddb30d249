package dev.luna.workers.cloudflare.plan;

import dev.luna.core.Json;
import dev.luna.workers.cloudflare.inventory.Inventory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The ordered migration plan: the steps of {@code rules/plan.json} that apply to this inventory, with effort from its counts. */
public final class MigrationPlan {
    private static final JsonNode STEPS = load();

    /** One step: effort in engineer-days. */
    public record Step(int order, String id, String title, String action, double effortDays, String risk, String rollback) {
        public Step withAction(String text) {
            return new Step(order, id, title, text, effortDays, risk, rollback);
        }
    }

    private MigrationPlan() {
    }

    public static List<Step> of(Inventory inv) {
        var out = new ArrayList<Step>();
        for (var s : STEPS.get("steps")) {
            int count = count(s.get("count").asString(), inv);
            boolean applies = switch (s.get("when").asString()) {
                case "always" -> true;
                default -> count(s.get("when").asString(), inv) > 0;
            };
            if (!applies) continue;
            double effort = s.get("baseDays").asDouble() + s.get("perItemDays").asDouble() * count;
            out.add(new Step(out.size() + 1, s.get("id").asString(), s.get("title").asString(), s.get("action").asString(),
                    BigDecimal.valueOf(effort).setScale(1, RoundingMode.HALF_UP).doubleValue(), s.get("risk").asString(), s.get("rollback").asString()));
        }
        return out;
    }

    static int count(String what, Inventory inv) {
        return switch (what) {
            case "none" -> 0;
            case "env" -> inv.items("env").size() + inv.items("secret").size();
            case "tables" -> inv.tables().size();
            case "storage" -> Math.max(inv.resources("bucket").size(), inv.items("storage").isEmpty() ? 0 : 1);
            case "queues" -> inv.resources("queue").size() + inv.resources("queue-consumer").size() + (inv.items("queue").isEmpty() ? 0 : 1);
            case "schedules" -> inv.resources("schedule").size() + (int) inv.items("schedule").stream().filter(i -> i.name().equals("cron-library")).count();
            case "routes" -> (int) inv.routes().stream().filter(r -> !r.isPorted()).count();
            case "rewrite" -> (int) (inv.items().stream().filter(i -> i.verdict().equals("rewrite") || i.verdict().equals("unsupported")).count()
                    + inv.routes().stream().filter(r -> r.verdict().equals("rewrite")).count());
            default -> throw new IllegalStateException("rules/plan.json: unknown count " + what);
        };
    }

    private static JsonNode load() {
        try (InputStream in = MigrationPlan.class.getResourceAsStream("/rules/plan.json")) {
            return Json.tree(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
