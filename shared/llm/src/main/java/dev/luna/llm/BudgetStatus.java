package dev.luna.llm;

import java.math.BigDecimal;

/**
 * Where a budget stands in a period (a calendar month, UTC, {@code yyyy-MM}): settled spend, money reserved by calls
 * in flight, what remains, and settled spend as a fraction of the limit.
 */
public record BudgetStatus(String period, BigDecimal spentUsd, BigDecimal reservedUsd, BigDecimal remainingUsd, BigDecimal utilization) {
}
