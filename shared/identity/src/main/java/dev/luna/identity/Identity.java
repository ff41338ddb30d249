package dev.luna.identity;

import dev.luna.store.AwsClients;
import java.time.Clock;

/**
 * Everything identity, wired once per container: credential stores and verifiers, projects and memberships,
 * rate limits and the audit log.
 */
public final class Identity {
    private final ApiKeyStore apiKeys;
    private final SigningKeys signingKeys;
    private final TokenSettings tokenSettings;
    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final RevokedTokens revokedTokens;
    private final ProjectStore projects;
    private final RateLimiter rateLimiter;
    private final AuditLog audit;
    private final Authenticator authenticator;
    private final ApiKeyAuthenticator apiKeyAuthenticator;
    private final RateLimits rateLimits;
    private final SsoLogin ssoLogin;

    public Identity(AwsClients aws, Clock clock) {
        var config = aws.config();
        this.apiKeys = new ApiKeyStore(aws);
        this.signingKeys = new SigningKeys(aws, clock);
        this.tokenSettings = TokenSettings.from(config);
        this.accessTokens = new AccessTokens(signingKeys, tokenSettings, clock);
        this.refreshTokens = new RefreshTokens(aws, tokenSettings, clock);
        this.revokedTokens = new RevokedTokens(aws, clock);
        this.projects = new ProjectStore(aws);
        this.rateLimiter = new RateLimiter(aws, clock);
        this.audit = new AuditLog(aws);
        this.apiKeyAuthenticator = new ApiKeyAuthenticator(apiKeys, clock);
        var sso = SsoSettings.from(config);
        this.authenticator = new Authenticator(apiKeyAuthenticator, accessTokens, revokedTokens, sso == null ? null : new SsoAuthenticator(sso, clock));
        this.ssoLogin = new SsoLogin(sso, clock);
        this.rateLimits = new RateLimits(config.longSetting("LUNA_RATE_LIMIT_PER_KEY", 600),
                config.longSetting("LUNA_RATE_LIMIT_PER_USER", 1200),
                java.time.Duration.ofSeconds(config.longSetting("LUNA_RATE_LIMIT_WINDOW_SECONDS", 60)));
    }

    /**
     * Default request limits per window (a minute unless configured), per API key (unless the key sets its own) and
     * per user.
     */
    public record RateLimits(long perKeyPerMinute, long perUserPerMinute, java.time.Duration window) {
    }

    public ApiKeyStore apiKeys() {
        return apiKeys;
    }

    public ApiKeyAuthenticator apiKeyAuthenticator() {
        return apiKeyAuthenticator;
    }

    public SigningKeys signingKeys() {
        return signingKeys;
    }

    public TokenSettings tokenSettings() {
        return tokenSettings;
    }

    public AccessTokens accessTokens() {
        return accessTokens;
    }

    public RefreshTokens refreshTokens() {
        return refreshTokens;
    }

    public RevokedTokens revokedTokens() {
        return revokedTokens;
    }

    /** How a browser signs in with the configured identity provider (off when there is none). */
    public SsoLogin ssoLogin() {
        return ssoLogin;
    }

    public ProjectStore projects() {
        return projects;
    }

    public RateLimiter rateLimiter() {
        return rateLimiter;
    }

    public AuditLog audit() {
        return audit;
    }

    public Authenticator authenticator() {
        return authenticator;
    }

    public RateLimits rateLimits() {
        return rateLimits;
    }
}
