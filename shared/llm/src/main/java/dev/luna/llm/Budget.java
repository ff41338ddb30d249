package dev.luna.llm;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A monthly spending limit of a project, or of one agent within it.
 *
 * @param projectId       the project
 * @param agentId         the agent, or null for the project's own budget
 * @param monthlyLimitUsd the limit per calendar month (UTC)
 * @param alertThresholds fractions of the limit that raise an alert (ascending, e.g. 0.5, 0.8, 1.0)
 * @param notification    where alerts go
 * @param hardStop        refuse calls that could cross the limit ({@code BUDGET_EXCEEDED}); false = alert only
 * @param revision        increases with every change
 */
public record Budget(String projectId, String agentId, BigDecimal monthlyLimitUsd, List<BigDecimal> alertThresholds,
                     Notification notification, boolean hardStop, long revision, Instant createdAt, Instant updatedAt, String updatedBy) {
    public Budget {
        alertThresholds = List.copyOf(alertThresholds);
    }

    /** Where a budget's alerts are delivered. {@code secret} signs webhook deliveries (HMAC-SHA256). */
    public record Notification(String type, String url, String email, String secret) {
        public static final String WEBHOOK = "webhook";
        public static final String SLACK = "slack";
        public static final String EMAIL = "email";

        /** The notification as shown to clients: the signing secret is never returned after creation. */
        public Notification redacted() {
            return new Notification(type, url, email, null);
        }
    }

    public BudgetScope scope() {
        return new BudgetScope(projectId, agentId);
    }
}
