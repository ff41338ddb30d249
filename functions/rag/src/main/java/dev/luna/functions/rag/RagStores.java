package dev.luna.functions.rag;

import dev.luna.rag.LuceneStore;
import dev.luna.rag.PineconeStore;
import dev.luna.rag.VectorStore;
import dev.luna.store.LunaConfig;
import java.nio.file.Path;
import java.util.Locale;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Picks the container's vector store from configuration.
 * <ul>
 * <li>{@code LUNA_RAG_STORE}: {@code lucene} (default: embedded, on disk under {@code LUNA_RAG_INDEX_DIR} or in
 * memory) or {@code pinecone}.</li>
 * <li>Pinecone: {@code PINECONE_API_KEY} (the key itself — local use) or {@code PINECONE_API_KEY_SECRET_ARN} (a Secrets
 * Manager secret holding it — how Terraform configures Lambda; read once at start-up); {@code LUNA_PINECONE_INDEX}
 * (default {@code luna-rag}); {@code LUNA_PINECONE_HOST} (the index's data-plane host; without it the control plane is
 * asked for it by index name, at {@code LUNA_PINECONE_CONTROL_URL}, default Pinecone's own);
 * {@code LUNA_PINECONE_CREATE_INDEX} ({@code true}: create a missing index — serverless, dotproduct, the embedder's
 * dimension — in {@code LUNA_PINECONE_CLOUD}/{@code LUNA_PINECONE_REGION}, default aws/us-east-1).</li>
 * </ul>
 */
final class RagStores {
    static final String STORE = "LUNA_RAG_STORE";
    static final String API_KEY = "PINECONE_API_KEY";
    static final String API_KEY_SECRET_ARN = "PINECONE_API_KEY_SECRET_ARN";
    static final String INDEX = "LUNA_PINECONE_INDEX";
    static final String HOST = "LUNA_PINECONE_HOST";
    static final String CONTROL_URL = "LUNA_PINECONE_CONTROL_URL";
    static final String CREATE_INDEX = "LUNA_PINECONE_CREATE_INDEX";
    static final String CLOUD = "LUNA_PINECONE_CLOUD";
    static final String REGION = "LUNA_PINECONE_REGION";
    static final String DEFAULT_INDEX = "luna-rag";

    private RagStores() {
    }

    /**
     * The configured store. Pinecone connects on first use, not while the container initialises: a gRPC connection
     * opened before a SnapStart snapshot would be dead after the restore, and a misconfigured key fails the requests
     * that need the store (logged, answered 5xx) instead of every function of the module.
     */
    static VectorStore create(LunaConfig config, Path directory, int dimension) {
        String kind = config.setting(STORE, "lucene").trim().toLowerCase(Locale.ROOT);
        return switch (kind) {
            case "lucene" -> new LuceneStore(directory == null ? null : directory.resolve("indexes"));
            case "pinecone" -> new Deferred(() -> PineconeStore.connect(pineconeSettings(config, dimension)));
            default -> throw new IllegalStateException(STORE + " must be lucene or pinecone, was '" + kind + "'");
        };
    }

    /** A store made on first use (and made again after a failed attempt). */
    static final class Deferred implements VectorStore {
        private final java.util.function.Supplier<VectorStore> factory;
        private volatile VectorStore store;

        Deferred(java.util.function.Supplier<VectorStore> factory) {
            this.factory = factory;
        }

        private VectorStore store() {
            var s = store;
            if (s == null) {
                synchronized (this) {
                    if (store == null) store = factory.get();
                    s = store;
                }
            }
            return s;
        }

        @Override
        public void apply(String namespace, java.util.Collection<String> replacePaths, java.util.List<Entry> entries,
                          java.util.Collection<String> deletePaths) {
            store().apply(namespace, replacePaths, entries, deletePaths);
        }

        @Override
        public java.util.Map<String, String> fileHashes(String namespace) {
            return store().fileHashes(namespace);
        }

        @Override
        public java.util.Optional<Entry> get(String namespace, String chunkId) {
            return store().get(namespace, chunkId);
        }

        @Override
        public void put(String namespace, Entry entry) {
            store().put(namespace, entry);
        }

        @Override
        public boolean delete(String namespace, String chunkId) {
            return store().delete(namespace, chunkId);
        }

        @Override
        public java.util.List<Hit> keyword(String namespace, String query, int topK, Filter filter) {
            return store().keyword(namespace, query, topK, filter);
        }

        @Override
        public java.util.List<Ref> keywordRefs(String namespace, String query, int topK, Filter filter) {
            return store().keywordRefs(namespace, query, topK, filter);
        }

        @Override
        public java.util.List<Ref> vectorRefs(String namespace, float[] query, int topK, Filter filter) {
            return store().vectorRefs(namespace, query, topK, filter);
        }

        @Override
        public java.util.Map<String, dev.luna.rag.Chunk> load(String namespace, java.util.Collection<String> ids) {
            return store().load(namespace, ids);
        }

        @Override
        public java.util.List<Hit> vector(String namespace, float[] query, int topK, Filter filter) {
            return store().vector(namespace, query, topK, filter);
        }

        @Override
        public long count(String namespace) {
            return store().count(namespace);
        }

        @Override
        public void close() {
            VectorStore s;
            synchronized (this) {
                s = store;
                store = null;
            }
            if (s != null) s.close();
        }
    }

    static PineconeStore.Settings pineconeSettings(LunaConfig config, int dimension) {
        return new PineconeStore.Settings(apiKey(config), config.setting(INDEX, DEFAULT_INDEX), config.setting(HOST, null),
                config.setting(CONTROL_URL, null), Boolean.parseBoolean(config.setting(CREATE_INDEX, "false")), config.setting(CLOUD, "aws"),
                config.setting(REGION, "us-east-1"), dimension);
    }

    private static String apiKey(LunaConfig config) {
        String key = config.setting(API_KEY, null);
        if (key != null) return key.trim();
        String arn = config.setting(API_KEY_SECRET_ARN, null);
        if (arn == null) throw new IllegalStateException(STORE + "=pinecone needs " + API_KEY + " or " + API_KEY_SECRET_ARN);
        try (var sm = SecretsManagerClient.builder().region(Region.of(config.region())).build()) {
            String value = sm.getSecretValue(b -> b.secretId(arn)).secretString();
            if (value == null || value.isBlank()) throw new IllegalStateException("the Pinecone API key secret " + arn + " has no value yet");
            return value.trim();
        }
    }
}
