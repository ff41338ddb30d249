package dev.luna.functions.tokens;

import java.math.BigDecimal;
import java.util.List;

/**
 * The body of {@code POST /api/v1/tokens/budget}: a monthly limit for the caller's project, or for one of its
 * agents when {@code agentId} is given.
 */
record BudgetRequest(String agentId, BigDecimal monthlyLimitUsd, List<BigDecimal> alertThresholds, NotificationRequest notification,
                     Boolean hardStop, Long revision) {

    /** Where alerts go: {@code webhook} (signed, Slack-compatible JSON), {@code slack} (an incoming webhook) or {@code email}. */
    record NotificationRequest(String type, String url, String email, String secret) {
    }
}
