package dev.luna.sources;

import dev.luna.core.ErrorCode;
import dev.luna.core.LunaException;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The token behind a {@code credentialsSecret} name: the setting {@code LUNA_RAG_GIT_TOKEN_<NAME>} (upper-cased,
 * anything but letters and digits as {@code _}), or in AWS the Secrets Manager secret {@code <LUNA_RAG_GIT_SECRET_PREFIX><name>}.
 * Only the name is ever stored; the token is never logged.
 */
public final class GitCredentials {
    public static final String SECRET_PREFIX = "LUNA_RAG_GIT_SECRET_PREFIX";
    public static final String TOKEN_SETTING_PREFIX = "LUNA_RAG_GIT_TOKEN_";
    private static final Logger log = LoggerFactory.getLogger(GitCredentials.class);

    private GitCredentials() {
    }

    /** Looks a secret name up in the settings, then (with a prefix) in Secrets Manager; null when neither has it. */
    public static Function<String, String> tokenLookup(Function<String, String> setting, String secretPrefix, String region) {
        return name -> {
            String key = TOKEN_SETTING_PREFIX + name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
            String v = setting.apply(key);
            if (v != null) return v;
            if (secretPrefix == null || secretPrefix.isBlank()) return null;
            try (var sm = SecretsManagerClient.builder().region(Region.of(region)).build()) {
                return sm.getSecretValue(b -> b.secretId(secretPrefix + name)).secretString();
            } catch (RuntimeException e) {
                log.warn("could not read git credentials secret {}: {}", name, e.getClass().getSimpleName());
                return null;
            }
        };
    }

    /**
     * JGit credentials for the named secret (null without a name); 400 naming {@code field} when the deployment does
     * not know the name. A bare token works with GitHub and GitLab access tokens (any user name); others take
     * {@code user:token}.
     */
    static CredentialsProvider provider(GitSettings settings, String secret, String field) {
        if (secret == null) return null;
        String value = settings.tokens().apply(secret);
        if (value == null || value.isBlank()) {
            throw new LunaException(ErrorCode.VALIDATION_FAILED, "credentials secret '" + secret + "' is not configured for this deployment",
                    Map.of("field", field));
        }
        value = value.strip();
        int colon = value.indexOf(':');
        return colon > 0 ? new UsernamePasswordCredentialsProvider(value.substring(0, colon), value.substring(colon + 1))
                : new UsernamePasswordCredentialsProvider("x-access-token", value);
    }
}
