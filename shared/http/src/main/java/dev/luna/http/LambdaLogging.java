package dev.luna.http;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import dev.luna.http.logging.MaskedJsonEncoder;
import dev.luna.http.logging.RawLineEncoder;
import org.slf4j.Logger;

/**
 * Logback configured in code for Lambda: JSON lines on stdout (CloudWatch Logs) with credentials masked
 * ({@link MaskedJsonEncoder}), root level from
 * {@code LUNA_LOG_LEVEL}, Spring at WARN — the same as {@code luna/logback-lambda.xml}, without parsing XML (Joran
 * and the JDK's XML parser are a few hundred classes a cold start no longer loads). Active only when the JVM runs
 * with {@code -Dluna.logging=json} (Terraform's JAVA_TOOL_OPTIONS); otherwise logback configures itself as usual
 * (logback.xml of the local runtime, logback-test.xml in tests).
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LambdaLogging extends ContextAwareBase implements Configurator {
    public static final String PROPERTY = "luna.logging";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (!"json".equals(System.getProperty(PROPERTY))) return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        var encoder = new MaskedJsonEncoder();
        encoder.setContext(context);
        encoder.start();
        var appender = new ConsoleAppender<ILoggingEvent>();
        appender.setContext(context);
        appender.setName("JSON");
        appender.setEncoder(encoder);
        appender.start();
        var root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(System.getenv("LUNA_LOG_LEVEL"), Level.INFO));
        root.addAppender(appender);
        // Spring Cloud Function logs whole events (headers included) at INFO and DEBUG: never let it
        context.getLogger("org.springframework").setLevel(Level.WARN);
        context.getLogger("org.springframework.cloud.function").setLevel(Level.WARN);
        metrics(context);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /**
     * The metric lines (CloudWatch Embedded Metric Format, {@link dev.luna.core.metrics.Metrics}) go to stdout as they
     * are, not wrapped in a JSON log line; {@code LUNA_METRICS=off} turns them off.
     */
    private static void metrics(LoggerContext context) {
        var encoder = new RawLineEncoder();
        encoder.setContext(context);
        encoder.start();
        var appender = new ConsoleAppender<ILoggingEvent>();
        appender.setContext(context);
        appender.setName("EMF");
        appender.setEncoder(encoder);
        appender.start();
        var logger = context.getLogger(dev.luna.core.metrics.Metrics.LOGGER);
        logger.setAdditive(false);
        logger.setLevel(Level.toLevel(System.getenv("LUNA_METRICS"), Level.INFO));
        logger.addAppender(appender);
    }
}
