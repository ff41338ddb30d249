package dev.luna.functions.tokens;

import dev.luna.core.Ids;
import dev.luna.llm.Accounting;
import dev.luna.llm.Alert;
import dev.luna.llm.Budget;
import dev.luna.llm.BudgetStore;
import dev.luna.realtime.push.PushNotifier;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduled budget monitor. Each run: releases reservations of calls that never settled, then for every
 * budget compares this month's settled spend with each threshold; a crossed threshold raises its alert once per
 * month (a conditional write, so overlapping runs cannot raise it twice) and the alert is delivered (claimed per
 * attempt, so it is never delivered twice); failed deliveries are retried by later runs, at most
 * {@link Alert#MAX_ATTEMPTS} attempts. Months are the budgets' periods, so spend and alerts start afresh each month
 * without a reset step.
 */
final class BudgetMonitor {
    private static final Logger log = LoggerFactory.getLogger(BudgetMonitor.class);

    private final BudgetStore store;
    private final Accounting accounting;
    private final AlertDelivery delivery;
    private final Clock clock;
    private final Ids ids;
    private final PushNotifier push;

    /** Without pushes (as before devices existed). */
    BudgetMonitor(BudgetStore store, Accounting accounting, AlertDelivery delivery, Clock clock) {
        this(store, accounting, delivery, clock, null);
    }

    BudgetMonitor(BudgetStore store, Accounting accounting, AlertDelivery delivery, Clock clock, PushNotifier push) {
        this.push = push;
        this.store = store;
        this.accounting = accounting;
        this.delivery = delivery;
        this.clock = clock;
        this.ids = new Ids(clock);
    }

    /** What one run did. */
    record Report(String eventId, String scheduledTime, int budgets, int alertsRaised, int delivered, int deliveryFailures,
                  int recorded, int reservationsReleased) {
    }

    Report run(String eventId, Instant scheduledTime) {
        Instant now = clock.instant();
        int released = accounting.releaseExpired(now);
        int raised = 0;
        int delivered = 0;
        int failed = 0;
        int recorded = 0;
        var budgets = store.all();
        for (Budget b : budgets) {
            var status = accounting.status(b.scope(), b.monthlyLimitUsd(), now);
            dev.luna.llm.LlmMetrics.budget(status);
            for (BigDecimal threshold : b.alertThresholds()) {
                if (status.spentUsd().compareTo(b.monthlyLimitUsd().multiply(threshold)) < 0) continue;
                var n = b.notification();
                var alert = new Alert(ids.next("alr"), b.projectId(), b.agentId(), status.period(), threshold, status.spentUsd(),
                        b.monthlyLimitUsd(), status.utilization(), now, n == null ? "none" : n.type(), target(n),
                        n == null ? "no_target" : "pending", 0, null, null, null);
                if (store.createAlert(alert)) {
                    raised++;
                    log.info("budget alert raised: {} {} crossed {} in {}", b.scope().kind(), b.scope().key(), threshold, status.period());
                    pushAlert(alert);
                }
            }
            for (Alert a : store.alerts(b.scope(), status.period())) {
                boolean due = ("pending".equals(a.deliveryStatus()) || "failed".equals(a.deliveryStatus())) && a.attempts() < Alert.MAX_ATTEMPTS;
                if (!due || !store.claimDelivery(a, now)) continue;
                var outcome = delivery.deliver(a, b.notification());
                store.recordDelivery(a, outcome.status(), outcome.error(), clock.instant());
                switch (outcome.status()) {
                    case "delivered" -> delivered++;
                    case "recorded" -> recorded++;
                    default -> {
                        failed++;
                        log.warn("budget alert {} delivery failed (attempt {}): {}", a.id(), a.attempts() + 1, outcome.error());
                    }
                }
            }
        }
        return new Report(eventId, scheduledTime == null ? null : scheduledTime.toString(), budgets.size(), raised, delivered, failed,
                recorded, released);
    }

    /**
     * The push of a raised alert to the devices registered in its project that follow budget alerts: once, when the
     * alert is raised (its creation is conditional, so overlapping runs push it once); a push service failure is
     * logged and not retried, as the alert's own channel is.
     */
    private void pushAlert(Alert a) {
        if (push == null) return;
        var data = new java.util.LinkedHashMap<String, Object>();
        data.put("kind", "budget_alert");
        data.put("alertId", a.id());
        data.put("projectId", a.projectId());
        if (a.agentId() != null) data.put("agentId", a.agentId());
        data.put("threshold", a.threshold());
        try {
            push.toProject(a.projectId(), AlertDelivery.subject(a), AlertDelivery.text(a), data);
        } catch (RuntimeException e) {
            log.warn("push of budget alert {} failed: {}", a.id(), e.getMessage());
        }
    }

    /** The target as shown in alerts: the webhook host (never its path, which may hold a token) or the email address. */
    static String target(Budget.Notification n) {
        if (n == null) return null;
        if (n.email() != null) return n.email();
        try {
            var uri = java.net.URI.create(n.url());
            return uri.getScheme() + "://" + uri.getAuthority() + "/…";
        } catch (RuntimeException e) {
            return null;
        }
    }

    static Map<String, Object> asMap(Report r) {
        return dev.luna.core.Json.mapper().convertValue(r, Map.class);
    }
}
