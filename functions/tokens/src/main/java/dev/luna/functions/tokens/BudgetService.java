package dev.luna.functions.tokens;

import dev.luna.core.ErrorCode;
import dev.luna.core.LunaException;
import dev.luna.core.Principal;
import dev.luna.core.ValidationException;
import dev.luna.core.Violation;
import dev.luna.llm.Accounting;
import dev.luna.llm.Budget;
import dev.luna.llm.BudgetScope;
import dev.luna.llm.BudgetStatus;
import dev.luna.llm.BudgetStore;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Setting and reading budgets: validation, defaults, optimistic concurrency. Knows nothing of HTTP. */
final class BudgetService {
    static final BigDecimal MAX_LIMIT = new BigDecimal("1000000");
    static final List<BigDecimal> DEFAULT_THRESHOLDS = List.of(new BigDecimal("0.5"), new BigDecimal("0.8"), BigDecimal.ONE);
    private static final Pattern AGENT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final BudgetStore store;
    private final Accounting accounting;
    private final WebhookTargets targets;
    private final Clock clock;

    BudgetService(BudgetStore store, Accounting accounting, WebhookTargets targets, Clock clock) {
        this.store = store;
        this.accounting = accounting;
        this.targets = targets;
        this.clock = clock;
    }

    /** A budget with where it stands this month; {@code signingSecret} only right after it was set. */
    record View(String projectId, String agentId, String scope, BigDecimal monthlyLimitUsd, List<BigDecimal> alertThresholds,
                Budget.Notification notification, boolean hardStop, long revision, Instant createdAt, Instant updatedAt,
                BudgetStatus currentPeriod, String signingSecret) {
    }

    record Saved(View budget, boolean created) {
    }

    Saved set(BudgetRequest req, Optional<Long> ifMatch, String projectId, Principal caller) {
        validate(req);
        var scope = new BudgetScope(projectId, req.agentId());
        var thresholds = req.alertThresholds() == null ? DEFAULT_THRESHOLDS
                : new ArrayList<>(new TreeSet<>(req.alertThresholds().stream().map(BudgetService::plain).toList()));
        String secret = null;
        Budget.Notification notification = null;
        if (req.notification() != null) {
            var n = req.notification();
            String type = n.type().toLowerCase(Locale.ROOT);
            if (!type.equals(Budget.Notification.EMAIL)) {
                secret = n.secret() != null ? n.secret() : "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(32));
            }
            notification = new Budget.Notification(type, n.url(), n.email(), secret);
        }
        Long expected = req.revision() != null ? req.revision() : ifMatch.orElse(null);
        for (int attempt = 0; attempt < 5; attempt++) {
            var existing = store.get(scope);
            if (expected != null && existing.map(Budget::revision).orElse(0L).longValue() != expected) {
                throw new LunaException(existing.isEmpty() ? ErrorCode.NOT_FOUND : ErrorCode.VERSION_CONFLICT,
                        existing.isEmpty() ? "No budget exists yet for this " + scope.kind() + "; omit revision to create it"
                                : "The budget changed meanwhile (revision " + existing.get().revision() + "); read it and retry");
            }
            Instant now = clock.instant();
            long revision = existing.map(b -> b.revision() + 1).orElse(1L);
            var budget = new Budget(projectId, req.agentId(), plain(req.monthlyLimitUsd()), thresholds, notification,
                    req.hardStop() == null || req.hardStop(), revision, existing.map(Budget::createdAt).orElse(now), now, caller.id());
            if (store.put(budget, existing.map(Budget::revision).orElse(0L))) {
                return new Saved(view(budget, secret), existing.isEmpty());
            }
            if (expected != null) throw new LunaException(ErrorCode.VERSION_CONFLICT, "The budget changed meanwhile; read it and retry");
        }
        throw new LunaException(ErrorCode.CONFLICT, "The budget is being changed concurrently; retry");
    }

    List<View> list(String projectId) {
        return store.list(projectId).stream().map(b -> view(b, null)).toList();
    }

    private View view(Budget b, String secret) {
        var status = accounting.status(b.scope(), b.monthlyLimitUsd(), clock.instant());
        return new View(b.projectId(), b.agentId(), b.scope().kind(), b.monthlyLimitUsd(), b.alertThresholds(),
                b.notification() == null ? null : b.notification().redacted(), b.hardStop(), b.revision(), b.createdAt(), b.updatedAt(),
                status, secret);
    }

    void validate(BudgetRequest r) {
        var v = new ArrayList<Violation>();
        if (r.agentId() != null && !AGENT_ID.matcher(r.agentId()).matches()) v.add(new Violation("agentId", "must be 1 to 64 letters, digits, '_' or '-'"));
        if (r.monthlyLimitUsd() == null) {
            v.add(new Violation("monthlyLimitUsd", "is required"));
        } else if (r.monthlyLimitUsd().signum() <= 0) {
            v.add(new Violation("monthlyLimitUsd", "must be more than 0"));
        } else if (r.monthlyLimitUsd().compareTo(MAX_LIMIT) > 0) {
            v.add(new Violation("monthlyLimitUsd", "must be at most 1000000 (USD per month)"));
        } else if (r.monthlyLimitUsd().stripTrailingZeros().scale() > 6) {
            v.add(new Violation("monthlyLimitUsd", "must have at most 6 decimal places"));
        }
        if (r.alertThresholds() != null) {
            if (r.alertThresholds().isEmpty() || r.alertThresholds().size() > 10) v.add(new Violation("alertThresholds", "must have 1 to 10 values"));
            var seen = new TreeSet<BigDecimal>();
            for (var t : r.alertThresholds()) {
                if (t == null || t.signum() <= 0 || t.compareTo(new BigDecimal("2")) > 0) {
                    v.add(new Violation("alertThresholds", "values must be more than 0 and at most 2 (fractions of the limit, e.g. 0.8)"));
                    break;
                }
                if (!seen.add(t.stripTrailingZeros())) {
                    v.add(new Violation("alertThresholds", "must not repeat a value"));
                    break;
                }
            }
        }
        var n = r.notification();
        if (n != null) {
            String type = n.type() == null ? null : n.type().toLowerCase(Locale.ROOT);
            if (type == null || !List.of("webhook", "slack", "email").contains(type)) {
                v.add(new Violation("notification.type", "must be webhook, slack or email"));
            } else if (type.equals("email")) {
                if (n.email() == null || !EMAIL.matcher(n.email()).matches() || n.email().length() > 254) v.add(new Violation("notification.email", "must be an email address"));
                if (n.url() != null) v.add(new Violation("notification.url", "is not used for email notifications"));
                if (n.secret() != null) v.add(new Violation("notification.secret", "is not used for email notifications"));
            } else {
                String problem = n.url() == null ? "is required for " + type + " notifications" : targets.formProblem(n.url());
                if (problem != null) v.add(new Violation("notification.url", problem));
                if (n.email() != null) v.add(new Violation("notification.email", "is only used for email notifications"));
                if (n.secret() != null && (n.secret().length() < 16 || n.secret().length() > 256)) {
                    v.add(new Violation("notification.secret", "must be 16 to 256 characters"));
                }
            }
        }
        if (r.revision() != null && r.revision() < 1) v.add(new Violation("revision", "must be at least 1"));
        if (!v.isEmpty()) throw new ValidationException(v);
    }

    private static BigDecimal plain(BigDecimal d) {
        var s = d.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
