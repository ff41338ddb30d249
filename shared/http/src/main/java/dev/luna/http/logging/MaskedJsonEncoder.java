package dev.luna.http.logging;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.EncoderBase;
import dev.luna.core.SecretMasking;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One JSON object per line for CloudWatch Logs — time, level, logger, request id, function, message, exception —
 * with credentials masked in the message and the stack trace. Written directly (no pattern parsing), which also
 * keeps Lambda's cold start small.
 */
public class MaskedJsonEncoder extends EncoderBase<ILoggingEvent> {
    private final ThrowableProxyConverter throwable = new ThrowableProxyConverter();

    @Override
    public void start() {
        throwable.setContext(getContext());
        throwable.start();
        super.start();
    }

    @Override
    public byte[] headerBytes() {
        return null;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        var sb = new StringBuilder(256);
        sb.append("{\"time\":\"").append(Instant.ofEpochMilli(event.getTimeStamp()))
                .append("\",\"level\":\"").append(event.getLevel())
                .append("\",\"logger\":\"").append(JsonEscaping.escape(event.getLoggerName())).append('"');
        var mdc = event.getMDCPropertyMap();
        if (mdc != null) {
            field(sb, "requestId", mdc.get("requestId"));
            field(sb, "function", mdc.get("function"));
        }
        field(sb, "message", SecretMasking.mask(event.getFormattedMessage()));
        if (event.getThrowableProxy() != null) field(sb, "exception", SecretMasking.mask(throwable.convert(event)));
        sb.append("}\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void field(StringBuilder sb, String name, String value) {
        if (value == null) return;
        sb.append(",\"").append(name).append("\":\"").append(JsonEscaping.escape(value)).append('"');
    }

    @Override
    public byte[] footerBytes() {
        return null;
    }
}
