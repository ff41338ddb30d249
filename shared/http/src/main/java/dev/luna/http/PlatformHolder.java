package dev.luna.http;

import dev.luna.store.LunaConfig;
import java.time.Clock;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The container's {@link Platform}: one per application context, created by the first module initializer that
 * asks, configured from the context's Spring {@code Environment} — environment variables in Lambda, plus the
 * command-line properties the local runtime passes (emulator endpoints, settings).
 */
public final class PlatformHolder {
    public static final String BEAN = "lunaPlatform";

    private PlatformHolder() {
    }

    public static Platform of(GenericApplicationContext context) {
        if (context.getBeanFactory().containsSingleton(BEAN)) {
            return (Platform) context.getBeanFactory().getSingleton(BEAN);
        }
        var env = context.getEnvironment();
        var platform = new Platform(LunaConfig.from(env::getProperty), Clock.systemUTC());
        context.getBeanFactory().registerSingleton(BEAN, platform);
        return platform;
    }
}
