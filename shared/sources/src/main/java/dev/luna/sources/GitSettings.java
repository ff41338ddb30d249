package dev.luna.sources;

import dev.luna.store.LunaConfig;
import java.time.Duration;
import java.util.function.Function;

/**
 * What git sources may reach and how far a fetch may go.
 *
 * @param allowLocal         plain http, {@code file://} URLs and absolute local paths ({@value #ALLOW_LOCAL}; off in AWS)
 * @param allowPrivateHosts  loopback, private and link-local hosts ({@value #ALLOW_PRIVATE_HOSTS}; off in AWS)
 * @param timeout            a fetch is cancelled past this ({@value #TIMEOUT}, default 120 s)
 * @param maxRepositoryBytes a fetch is cancelled once the repository on disk grows beyond this ({@value #MAX_BYTES}, 256 MiB)
 * @param historyDepth       commits a checkout fetches ({@value #HISTORY_DEPTH}, default 200); RAG reads fetch one
 * @param tokens             looks a credentials secret up by name (null when there is none); see {@link GitCredentials}
 */
public record GitSettings(boolean allowLocal, boolean allowPrivateHosts, Duration timeout, long maxRepositoryBytes, int historyDepth,
                          Function<String, String> tokens) {
    public static final String ALLOW_LOCAL = "LUNA_RAG_GIT_ALLOW_LOCAL";
    public static final String ALLOW_PRIVATE_HOSTS = "LUNA_RAG_GIT_ALLOW_PRIVATE_HOSTS";
    public static final String TIMEOUT = "LUNA_RAG_GIT_TIMEOUT_SECONDS";
    public static final String MAX_BYTES = "LUNA_RAG_GIT_MAX_BYTES";
    public static final String HISTORY_DEPTH = "LUNA_GIT_HISTORY_DEPTH";
    public static final int DEFAULT_HISTORY_DEPTH = 200;
    public static final long DEFAULT_MAX_REPOSITORY_BYTES = 256L * 1024 * 1024;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

    /** As in AWS: https to public hosts only, no tokens. */
    public static final GitSettings STRICT = new GitSettings(false, false, DEFAULT_TIMEOUT, DEFAULT_MAX_REPOSITORY_BYTES, DEFAULT_HISTORY_DEPTH,
            name -> null);

    public GitSettings {
        if (historyDepth < 1) throw new IllegalArgumentException("historyDepth must be at least 1");
        if (tokens == null) tokens = name -> null;
    }

    /** The settings named above, read through {@code setting} (null: unset), with tokens from {@code tokens}. */
    public static GitSettings from(Function<String, String> setting, Function<String, String> tokens) {
        return new GitSettings(Boolean.parseBoolean(setting.apply(ALLOW_LOCAL)), Boolean.parseBoolean(setting.apply(ALLOW_PRIVATE_HOSTS)),
                Duration.ofSeconds(number(setting, TIMEOUT, DEFAULT_TIMEOUT.toSeconds())), number(setting, MAX_BYTES, DEFAULT_MAX_REPOSITORY_BYTES),
                (int) number(setting, HISTORY_DEPTH, DEFAULT_HISTORY_DEPTH), tokens);
    }

    /**
     * The settings of a deployment: the names above from its configuration, and tokens from settings (locally also the
     * environment) or, in AWS, Secrets Manager ({@link GitCredentials#tokenLookup}).
     */
    public static GitSettings of(LunaConfig config) {
        Function<String, String> withEnvironment = name -> {
            String v = config.setting(name, null);
            return v == null && config.isLocal() ? System.getenv(name) : v;
        };
        return from(name -> config.setting(name, null),
                GitCredentials.tokenLookup(withEnvironment, config.setting(GitCredentials.SECRET_PREFIX, null), config.region()));
    }

    public GitSettings withHistoryDepth(int depth) {
        return new GitSettings(allowLocal, allowPrivateHosts, timeout, maxRepositoryBytes, depth, tokens);
    }

    private static long number(Function<String, String> setting, String name, long fallback) {
        String v = setting.apply(name);
        if (v == null || v.isBlank()) return fallback;
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("Setting " + name + " must be an integer, was '" + v + "'");
        }
    }
}
