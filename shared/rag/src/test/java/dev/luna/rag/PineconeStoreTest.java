package dev.luna.rag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.luna.emulators.pinecone.PineconeServer;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The {@link VectorStore} contract against {@link PineconeStore}, over gRPC to the Pinecone stand-in on a loopback port. */
class PineconeStoreTest extends VectorStoreContract {
    static final String KEY = "pc-test-key";
    static PineconeServer pinecone;
    static final AtomicInteger indexes = new AtomicInteger();
    String indexName;

    @BeforeAll
    static void startPinecone() {
        pinecone = PineconeServer.start(KEY);
    }

    @AfterAll
    static void stopPinecone() {
        pinecone.close();
    }

    @Override
    VectorStore newStore() {
        indexName = "contract-" + indexes.incrementAndGet();
        pinecone.createIndex(indexName, EMBEDDER.dimension(), "dotproduct");
        return new PineconeStore(KEY, pinecone.host(indexName), EMBEDDER.dimension());
    }

    @Test
    void findsTheHostThroughTheControlPlaneAndCreatesAMissingIndex() {
        var settings = new PineconeStore.Settings(KEY, "created-on-first-use", null, pinecone.controlUrl().toString(), true, "aws", "us-east-1",
                EMBEDDER.dimension());
        try (var created = PineconeStore.connect(settings)) {
            created.apply("p1", List.of("src/LruCache.java"), entries("src/LruCache.java", CACHE), List.of());
            assertThat(created.count("p1")).isEqualTo(2);
        }
        try (var again = PineconeStore.connect(settings)) {
            assertThat(again.keyword("p1", "evict oldest", 1, VectorStore.Filter.NONE)).hasSize(1);
        }
        var missing = new PineconeStore.Settings(KEY, "never-created", null, pinecone.controlUrl().toString(), false, "aws", "us-east-1",
                EMBEDDER.dimension());
        assertThatThrownBy(() -> PineconeStore.connect(missing)).isInstanceOf(IllegalStateException.class).hasMessageContaining("does not exist");
    }

    @Test
    void refusesAnIndexThatCannotServeHybridSearch() {
        pinecone.createIndex("cosine-index", EMBEDDER.dimension(), "cosine");
        assertThatThrownBy(() -> new PineconeStore(KEY, pinecone.host("cosine-index"), EMBEDDER.dimension()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("dotproduct");
        pinecone.createIndex("small-index", 8, "dotproduct");
        assertThatThrownBy(() -> new PineconeStore(KEY, pinecone.host("small-index"), EMBEDDER.dimension()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("dimension 8");
    }

    @Test
    void aWrongApiKeyIsRefused() {
        assertThatThrownBy(() -> new PineconeStore("wrong-key", pinecone.host(indexName), EMBEDDER.dimension()))
                .isInstanceOf(PineconeStore.PineconeFailure.class).hasMessageContaining("UNAUTHENTICATED");
    }

    @Test
    void aWriteThatDiesHalfwayIsNeverSeenAndTheNextWriteCleansUp() {
        index("p1", "src/LruCache.java", CACHE);
        index("p1", "src/HttpRequestParser.java", PARSER);
        // new records are written and the replaced chunks marked, then marking the replaced file record fails: the
        // generation never flips
        pinecone.faults(indexName).failAfter("update", 2); // the recovery's update and the chunks' marking pass
        String changed = CACHE.replace("evictOldest", "dropEldest");
        assertThatThrownBy(() -> index("p1", "src/LruCache.java", changed)).isInstanceOf(PineconeStore.PineconeFailure.class);
        assertThat(store.keyword("p1", "dropEldest", 10, VectorStore.Filter.NONE)).isEmpty();
        assertThat(store.keyword("p1", "evictOldest", 10, VectorStore.Filter.NONE)).hasSize(1);
        assertThat(store.count("p1")).isEqualTo(4);

        // the flip itself fails after everything else was written: still the old generation
        pinecone.faults(indexName).failAfter("upsert", 1); // the new records pass, the state flip fails
        assertThatThrownBy(() -> index("p1", "src/LruCache.java", changed)).isInstanceOf(PineconeStore.PineconeFailure.class);
        assertThat(store.keyword("p1", "dropEldest", 10, VectorStore.Filter.NONE)).isEmpty();
        assertThat(store.vector("p1", EMBEDDER.embed("evict the oldest entry"), 10, VectorStore.Filter.NONE))
                .extracting(h -> h.chunk().content()).noneMatch(c -> c.contains("dropEldest"));
        assertThat(store.fileHashes("p1").get("src/LruCache.java")).isEqualTo(dev.luna.core.Hashes.sha256(CACHE));

        index("p1", "src/LruCache.java", changed);
        assertThat(store.keyword("p1", "dropEldest", 10, VectorStore.Filter.NONE)).hasSize(1);
        assertThat(store.keyword("p1", "evictOldest", 10, VectorStore.Filter.NONE)).extracting(h -> h.chunk().content())
                .noneMatch(c -> c.contains("evictOldest"));
        assertThat(store.count("p1")).isEqualTo(4);
        assertThat(store.fileHashes("p1").get("src/LruCache.java")).isEqualTo(dev.luna.core.Hashes.sha256(changed));
    }

    @Test
    void contentLargerThanOneRecordsMetadataComesBackWhole() {
        index("p1", "src/LruCache.java", CACHE);
        var hit = store.keyword("p1", "evictOldest", 1, VectorStore.Filter.NONE).get(0).chunk();
        String big = "/** \"quoted\" ünïcödé line */\n".repeat(3000); // ~90 KB, escapes in JSON
        var replaced = new Chunk(hit.id(), hit.path(), hit.language(), hit.symbol(), hit.kind(), hit.startLine(), hit.endLine(), big,
                dev.luna.core.Hashes.sha256(big), 30_000);
        store.put("p1", new VectorStore.Entry(replaced, EMBEDDER.embed("quoted unicode"), "edited"));
        assertThat(store.get("p1", hit.id()).orElseThrow().chunk().content()).isEqualTo(big);
        assertThat(store.keyword("p1", "quoted", 1, VectorStore.Filter.NONE).get(0).chunk().content()).isEqualTo(big);
        assertThat(store.count("p1")).isEqualTo(2);
        assertThat(store.fileHashes("p1")).containsEntry("src/LruCache.java", "edited");

        // characters JSON escapes (a control character takes six bytes): ~80 K characters, ~240 KB as JSON
        String escapes = "\u0001".repeat(20_000) + "if (a <= b && c != '\\n') { s = \"<tag>\"; }\n".repeat(1_500);
        var escaped = new Chunk(hit.id(), hit.path(), hit.language(), hit.symbol(), hit.kind(), hit.startLine(), hit.endLine(), escapes,
                dev.luna.core.Hashes.sha256(escapes), 60_000);
        store.put("p1", new VectorStore.Entry(escaped, EMBEDDER.embed("tags"), "edited"));
        assertThat(store.get("p1", hit.id()).orElseThrow().chunk().content()).isEqualTo(escapes);
    }

    @Test
    void supersededRecordsAreCollectedOneGenerationLater() {
        index("p1", "src/LruCache.java", CACHE);
        for (int i = 0; i < 3; i++) index("p1", "src/LruCache.java", CACHE.replace("evictOldest", "evict" + i));
        assertThat(store.keyword("p1", "evict2", 10, VectorStore.Filter.NONE)).hasSize(1);
        assertThat(store.count("p1")).isEqualTo(2);
        // live: 2 chunks, the file record and the state record; kept for readers of the previous generation: the
        // 2 chunks and the file record it replaced; the two generations before that are gone
        assertThat(records("p1")).hasSize(7);
        var terms = pinecone.ids(indexName, "p1").stream().filter(id -> id.startsWith("t#")).count();
        assertThat(terms).as("one document-frequency record per term").isPositive();
        store.apply("p1", List.of(), List.of(), List.of("src/LruCache.java"));
        assertThat(store.count("p1")).isZero();
        assertThat(store.fileHashes("p1")).isEmpty();
        assertThat(records("p1")).hasSize(4); // the state and the 3 records just deleted
        assertThat(pinecone.ids(indexName, "p1")).noneMatch(id -> id.startsWith("t#")); // no chunk has any term now
    }

    /** The records of a namespace other than the term statistics. */
    List<String> records(String namespace) {
        return pinecone.ids(indexName, namespace).stream().filter(id -> !id.startsWith("t#")).toList();
    }
}
