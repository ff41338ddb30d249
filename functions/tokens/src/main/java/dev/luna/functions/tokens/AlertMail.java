package dev.luna.functions.tokens;

import dev.luna.store.LunaConfig;

/**
 * Sends an alert as an e-mail. Which sender a deployment has follows its settings:
 * <ul>
 *   <li>{@code LUNA_SMTP_HOST} (+ {@code LUNA_SMTP_PORT}, default 25; optional {@code LUNA_SMTP_USER}/{@code LUNA_SMTP_PASSWORD}
 *       with STARTTLS): SMTP — the local runtime's embedded mail server, or SES's SMTP interface;</li>
 *   <li>else {@code LUNA_ALERT_EMAIL_FROM} in AWS: Amazon SES v2 {@code SendEmail} from that verified identity
 *       (Terraform's {@code alert_email_from} creates the identity and grants the budget monitor {@code ses:SendEmail});</li>
 *   <li>else none: the alert is recorded with the address and a reason, not sent.</li>
 * </ul>
 */
interface AlertMail {
    String FROM = "LUNA_ALERT_EMAIL_FROM";
    String SMTP_HOST = "LUNA_SMTP_HOST";
    String SMTP_PORT = "LUNA_SMTP_PORT";
    String SMTP_USER = "LUNA_SMTP_USER";
    String SMTP_PASSWORD = "LUNA_SMTP_PASSWORD";

    /** Sends one plain-text message; throws {@link MailFailure} when the server refuses it or cannot be reached. */
    void send(String to, String subject, String text);

    /** Why nothing is sent, for a sender that does not send; null for one that does. */
    default String notSentReason() {
        return null;
    }

    final class MailFailure extends RuntimeException {
        MailFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static AlertMail from(LunaConfig config) {
        String from = config.setting(FROM, "");
        String host = config.setting(SMTP_HOST, "");
        if (!host.isBlank()) {
            return new SmtpAlertMail(host, (int) config.longSetting(SMTP_PORT, 25), from.isBlank() ? "luna-alerts@localhost" : from,
                    config.setting(SMTP_USER, ""), config.setting(SMTP_PASSWORD, ""));
        }
        if (!from.isBlank()) return SesAlertMail.of(config, from);
        return new AlertMail() {
            @Override
            public void send(String to, String subject, String text) {
                throw new IllegalStateException("no mail sender");
            }

            @Override
            public String notSentReason() {
                return "no mail sender is configured (set " + FROM + " for Amazon SES, or " + SMTP_HOST + ")";
            }
        };
    }
}
