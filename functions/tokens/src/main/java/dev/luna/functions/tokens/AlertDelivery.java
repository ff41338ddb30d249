package dev.luna.functions.tokens;

import dev.luna.core.Json;
import dev.luna.llm.Alert;
import dev.luna.llm.Budget;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Delivers one alert to its budget's target.
 * <ul>
 *   <li>{@code webhook}: POST of a Slack-compatible JSON body ({@code text}) with the alert's data under
 *       {@code luna}, signed: {@code X-Luna-Timestamp: <unix seconds>} and
 *       {@code X-Luna-Signature: v1=<hex HMAC-SHA256 of "<timestamp>.<body>" with the budget's secret>}.</li>
 *   <li>{@code slack}: POST of {@code text} + {@code blocks} to a Slack (or compatible) incoming webhook, signed the same way.</li>
 *   <li>{@code email}: a plain-text message through the deployment's {@link AlertMail} sender (Amazon SES v2 in AWS,
 *       the embedded SMTP server locally); without a sender the alert is {@code recorded} with the address and the reason.</li>
 * </ul>
 * Any 2xx is a delivery; anything else (status, timeout, refused connection, forbidden address) is a recorded failure.
 */
final class AlertDelivery {
    static final String SIGNATURE_HEADER = "X-Luna-Signature";
    static final String TIMESTAMP_HEADER = "X-Luna-Timestamp";

    private final HttpClient http;
    private final WebhookTargets targets;
    private final Clock clock;
    private final AlertMail mail;

    AlertDelivery(HttpClient http, WebhookTargets targets, Clock clock, AlertMail mail) {
        this.http = http;
        this.targets = targets;
        this.clock = clock;
        this.mail = mail;
    }

    /** The outcome: status delivered | failed | recorded, and the error of a failure. */
    record Outcome(String status, String error) {
    }

    Outcome deliver(Alert alert, Budget.Notification target) {
        if (target == null) return new Outcome("no_target", null);
        if (Budget.Notification.EMAIL.equals(target.type())) return email(alert, target.email());
        URI uri = URI.create(target.url());
        String problem = targets.addressProblem(uri);
        if (problem != null) return new Outcome("failed", "target " + problem);
        String body = Budget.Notification.SLACK.equals(target.type()) ? slackBody(alert) : webhookBody(alert);
        long ts = clock.instant().getEpochSecond();
        var req = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .header("User-Agent", "Luna-Budget-Monitor/1")
                .header("X-Luna-Event", "budget.threshold_crossed")
                .header("X-Luna-Delivery", alert.id())
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (target.secret() != null) {
            req.header(TIMESTAMP_HEADER, Long.toString(ts)).header(SIGNATURE_HEADER, "v1=" + sign(target.secret(), ts, body));
        }
        try {
            var resp = http.send(req.build(), HttpResponse.BodyHandlers.discarding());
            return resp.statusCode() / 100 == 2 ? new Outcome("delivered", null) : new Outcome("failed", "target answered HTTP " + resp.statusCode());
        } catch (java.net.http.HttpTimeoutException e) {
            return new Outcome("failed", "target did not answer within 5 s");
        } catch (java.io.IOException e) {
            return new Outcome("failed", "target unreachable: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome("failed", "interrupted");
        }
    }

    private Outcome email(Alert alert, String to) {
        if (mail.notSentReason() != null) return new Outcome("recorded", mail.notSentReason());
        try {
            mail.send(to, subject(alert), text(alert) + "\n\n" + details(alert));
            return new Outcome("delivered", null);
        } catch (AlertMail.MailFailure e) {
            return new Outcome("failed", e.getMessage());
        }
    }

    static String subject(Alert a) {
        String who = a.agentId() == null ? "project " + a.projectId() : "agent " + a.agentId();
        return "Luna budget alert: " + who + " passed " + a.threshold().movePointRight(2).stripTrailingZeros().toPlainString()
                + "% of its " + a.period() + " budget";
    }

    private static String details(Alert a) {
        var lines = new StringBuilder();
        data(a).forEach((k, v) -> lines.append(k).append(": ").append(v).append('\n'));
        return lines.toString();
    }

    static String sign(String secret, long timestamp, String body) {
        return dev.luna.core.Hashes.hmacSha256Hex(secret, timestamp + "." + body);
    }

    static String text(Alert a) {
        String who = a.agentId() == null ? "Project " + a.projectId() : "Agent " + a.agentId() + " (project " + a.projectId() + ")";
        return who + " has spent $" + a.spentUsd().toPlainString() + " of its $" + a.limitUsd().toPlainString() + " budget for "
                + a.period() + " (" + a.utilization().movePointRight(2).stripTrailingZeros().toPlainString() + "%), crossing the "
                + a.threshold().movePointRight(2).stripTrailingZeros().toPlainString() + "% threshold.";
    }

    private static Map<String, Object> data(Alert a) {
        var d = new LinkedHashMap<String, Object>();
        d.put("event", "budget.threshold_crossed");
        d.put("alertId", a.id());
        d.put("projectId", a.projectId());
        if (a.agentId() != null) d.put("agentId", a.agentId());
        d.put("period", a.period());
        d.put("threshold", a.threshold());
        d.put("spentUsd", a.spentUsd());
        d.put("limitUsd", a.limitUsd());
        d.put("utilization", a.utilization());
        d.put("createdAt", a.createdAt().toString());
        return d;
    }

    static String webhookBody(Alert a) {
        var body = new LinkedHashMap<String, Object>();
        body.put("text", text(a));
        body.put("luna", data(a));
        return Json.write(body);
    }

    static String slackBody(Alert a) {
        var body = new LinkedHashMap<String, Object>();
        body.put("text", text(a));
        body.put("blocks", List.of(Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", ":warning: *Luna budget alert*\n" + text(a)))));
        return Json.write(body);
    }
}
