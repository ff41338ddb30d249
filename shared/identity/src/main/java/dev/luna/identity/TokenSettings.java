package dev.luna.identity;

import dev.luna.store.LunaConfig;
import java.time.Duration;

/** Issuer, audience and lifetimes of the platform's own tokens. */
public record TokenSettings(String issuer, String audience, Duration accessTokenTtl, Duration refreshTokenTtl, Duration clockSkew) {
    public static TokenSettings from(LunaConfig config) {
        return new TokenSettings(config.setting("LUNA_JWT_ISSUER", "https://luna.local"),
                config.setting("LUNA_JWT_AUDIENCE", "luna-api"),
                Duration.ofSeconds(config.longSetting("LUNA_ACCESS_TOKEN_TTL_SECONDS", 300)),
                Duration.ofSeconds(config.longSetting("LUNA_REFRESH_TOKEN_TTL_SECONDS", 7 * 24 * 3600)),
                Duration.ofSeconds(config.longSetting("LUNA_JWT_CLOCK_SKEW_SECONDS", 30)));
    }
}
