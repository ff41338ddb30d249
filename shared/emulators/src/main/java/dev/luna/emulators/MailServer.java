package dev.luna.emulators;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

/**
 * The local runtime's mail server (GreenMail): SMTP receives what Luna sends (budget alert e-mail), IMAP lets anyone read
 * it with any client, e.g. {@code curl "imap://127.0.0.1:<port>/INBOX;UID=1" -u finops@example.com:luna}. Any login is
 * accepted (each address has its own mailbox). Mail lives in memory.
 */
public final class MailServer implements AutoCloseable {
    private final GreenMail greenMail;

    private MailServer(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    public static MailServer start() {
        var smtp = new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        var imap = new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP);
        var greenMail = new GreenMail(new ServerSetup[] {smtp, imap}).withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        return new MailServer(greenMail);
    }

    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    public int imapPort() {
        return greenMail.getImap().getPort();
    }

    /** Every message received so far, oldest first. */
    public List<Received> received() {
        return Arrays.stream(greenMail.getReceivedMessages()).map(MailServer::read).toList();
    }

    /** A received message: recipients, sender, subject and plain-text body. */
    public record Received(List<String> to, String from, String subject, String text) {
    }

    private static Received read(MimeMessage m) {
        try {
            var to = Arrays.stream(m.getAllRecipients()).map(Object::toString).toList();
            var content = m.getContent();
            return new Received(to, Arrays.toString(m.getFrom()).replaceAll("^\\[|]$", ""), m.getSubject(), String.valueOf(content));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("unreadable message", e);
        }
    }

    @Override
    public void close() {
        greenMail.stop();
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
