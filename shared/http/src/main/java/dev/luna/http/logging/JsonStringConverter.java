package dev.luna.http.logging;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.luna.core.SecretMasking;

/**
 * {@code %jsonMsg} / {@code %jsonEx}: the masked message (or stack trace) as the body of a JSON string, for the JSON
 * lines Lambda writes to CloudWatch Logs.
 */
public class JsonStringConverter extends ClassicConverter {
    private ThrowableProxyConverter throwable;

    @Override
    public void start() {
        if ("ex".equals(getFirstOption())) {
            throwable = new ThrowableProxyConverter();
            throwable.setContext(getContext());
            throwable.start();
        }
        super.start();
    }

    @Override
    public String convert(ILoggingEvent event) {
        String text = throwable != null ? throwable.convert(event) : event.getFormattedMessage();
        return escape(SecretMasking.mask(text));
    }

    static String escape(String s) {
        if (s == null) return "";
        var sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.toString();
    }
}
