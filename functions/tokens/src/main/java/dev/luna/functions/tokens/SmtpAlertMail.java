package dev.luna.functions.tokens;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

/** Alert mail over SMTP (Jakarta Mail), with STARTTLS and login when a user is set; 5 s timeouts. */
final class SmtpAlertMail implements AlertMail {
    private final Session session;
    private final String from;
    private final String user;
    private final String password;

    SmtpAlertMail(String host, int port, String from, String user, String password) {
        var props = new Properties();
        props.put("mail.smtp.host", host);
        props.put("mail.smtp.port", Integer.toString(port));
        props.put("mail.smtp.connectiontimeout", "5000");
        props.put("mail.smtp.timeout", "5000");
        props.put("mail.smtp.writetimeout", "5000");
        if (!user.isBlank()) {
            props.put("mail.smtp.auth", "true");
            props.put("mail.smtp.starttls.enable", "true");
            props.put("mail.smtp.starttls.required", "true");
        }
        this.session = Session.getInstance(props);
        this.from = from;
        this.user = user;
        this.password = password;
    }

    @Override
    public void send(String to, String subject, String text) {
        try {
            var message = new MimeMessage(session);
            message.setFrom(new InternetAddress(from, true));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
            message.setSubject(subject, StandardCharsets.UTF_8.name());
            message.setText(text, StandardCharsets.UTF_8.name());
            message.setSentDate(new Date());
            if (user.isBlank()) Transport.send(message);
            else Transport.send(message, user, password);
        } catch (MessagingException e) {
            throw new MailFailure("SMTP: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage().strip()), e);
        }
    }
}
