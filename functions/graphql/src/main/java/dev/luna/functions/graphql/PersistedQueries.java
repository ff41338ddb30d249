package dev.luna.functions.graphql;

import dev.luna.core.Hashes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The persisted queries: the documents under {@code graphql/persisted/} in this module's resources, each known by the
 * SHA-256 (hex) of its exact text — the hash Apollo's automatic persisted queries send in
 * {@code extensions.persistedQuery.sha256Hash}. Only queries are persisted, so a GET can never write. The set is
 * fixed at build time (a trusted-documents allow-list), the same in every Lambda instance, with no table to keep.
 */
final class PersistedQueries {
    private final Map<String, Persisted> byHash;

    record Persisted(String name, String document) {
    }

    private PersistedQueries(Map<String, Persisted> byHash) {
        this.byHash = byHash;
    }

    static PersistedQueries load() {
        var byHash = new TreeMap<String, Persisted>();
        try {
            var loader = PersistedQueries.class.getClassLoader();
            for (Resource r : new PathMatchingResourcePatternResolver(loader).getResources("classpath*:graphql/persisted/*.graphql")) {
                String text = r.getContentAsString(StandardCharsets.UTF_8);
                if (!text.stripLeading().startsWith("query")) {
                    throw new IllegalStateException("persisted document " + r.getFilename() + " is not a query");
                }
                byHash.put(Hashes.sha256(text), new Persisted(r.getFilename(), text));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PersistedQueries(byHash);
    }

    Optional<Persisted> byHash(String sha256) {
        return Optional.ofNullable(byHash.get(sha256));
    }

    Map<String, Persisted> all() {
        return byHash;
    }
}
