package dev.luna.functions.identity;

import dev.luna.http.HttpFunctions;
import dev.luna.http.Platform;
import dev.luna.http.PlatformHolder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/** The identity module's functions (projects, API keys, tokens, signing keys, audit), registered functionally. */
public final class IdentityFunctions implements ApplicationContextInitializer<GenericApplicationContext> {
    @Override
    public void initialize(GenericApplicationContext context) {
        Platform platform = PlatformHolder.of(context);
        var identity = platform.identity();
        var handlers = new IdentityHandlers(new ProjectService(identity.projects(), platform.clock(), platform.ids()),
                new ApiKeyService(identity.apiKeys(), platform.clock(), platform.ids()),
                new TokenService(identity, platform.clock()), identity, platform.clock());
        HttpFunctions.register(context, "identity", platform, handlers.byBean());
        platform.primeAsync(() -> { });
    }
}
