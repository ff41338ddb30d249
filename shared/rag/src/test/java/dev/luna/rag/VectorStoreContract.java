package dev.luna.rag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link VectorStore} must do; each implementation's test extends this. */
abstract class VectorStoreContract {
    static final Embedder EMBEDDER = new OnnxEmbedder();
    private final Chunker chunker = new Chunker();
    VectorStore store;

    abstract VectorStore newStore();

    @BeforeEach
    void open() {
        store = newStore();
    }

    @AfterEach
    void close() {
        store.close();
    }

    List<VectorStore.Entry> entries(String path, String content) {
        var chunks = chunker.chunk(path, content);
        var vectors = EMBEDDER.embedAll(chunks.stream().map(Chunk::content).toList());
        var out = new ArrayList<VectorStore.Entry>();
        for (int i = 0; i < chunks.size(); i++) out.add(new VectorStore.Entry(chunks.get(i), vectors.get(i), dev.luna.core.Hashes.sha256(content)));
        return out;
    }

    void index(String ns, String path, String content) {
        store.apply(ns, List.of(path), entries(path, content), List.of());
    }

    static final String PARSER = """
            package p;
            /** Parses HTTP requests from raw bytes. */
            class HttpRequestParser {
                /** Reads the request line and headers of an incoming request. */
                Request parseHttpRequest(byte[] raw) { return null; }
            }
            """;
    static final String CACHE = """
            package p;
            /** A least-recently-used cache with a fixed capacity. */
            class LruCache {
                /** Evicts the oldest entry when the cache is full. */
                void evictOldest() { }
            }
            """;
    static final String DOC = "# Deploying\nUpload the bundle to the storage bucket, then switch the alias.\n";

    @Test
    void keywordSplitsIdentifiersAndVectorFindsMeaning() {
        index("p1", "src/HttpRequestParser.java", PARSER);
        index("p1", "src/LruCache.java", CACHE);
        index("p1", "docs/deploy.md", DOC);
        assertThat(store.count("p1")).isEqualTo(5); // type + method per class, one section

        var kw = store.keyword("p1", "parse http request", 3, VectorStore.Filter.NONE);
        assertThat(kw.get(0).chunk().symbol()).isEqualTo("HttpRequestParser.parseHttpRequest");
        var snake = store.keyword("p1", "evict_oldest", 3, VectorStore.Filter.NONE);
        assertThat(snake.get(0).chunk().symbol()).isEqualTo("LruCache.evictOldest");

        var vec = store.vector("p1", EMBEDDER.embed("remove the least recently used item when memory is full"), 2, VectorStore.Filter.NONE);
        assertThat(vec.get(0).chunk().path()).isEqualTo("src/LruCache.java");
        assertThat(vec.get(0).score()).isBetween(-1.0, 1.0);
    }

    @Test
    void idRankingsMatchTheFullRankingsAndLoadFetchesChunks() {
        index("p1", "src/HttpRequestParser.java", PARSER);
        index("p1", "src/LruCache.java", CACHE);
        var q = EMBEDDER.embed("http request");
        assertThat(store.vectorRefs("p1", q, 3, VectorStore.Filter.NONE)).extracting(VectorStore.Ref::id)
                .containsExactlyElementsOf(store.vector("p1", q, 3, VectorStore.Filter.NONE).stream().map(h -> h.chunk().id()).toList());
        var kw = store.keyword("p1", "http request cache", 3, new VectorStore.Filter("src/*.java", "java", null));
        assertThat(store.keywordRefs("p1", "http request cache", 3, new VectorStore.Filter("src/*.java", "java", null)))
                .extracting(VectorStore.Ref::id).containsExactlyElementsOf(kw.stream().map(h -> h.chunk().id()).toList());
        var loaded = store.load("p1", List.of(kw.get(0).chunk().id(), "ctx_missing"));
        assertThat(loaded).containsOnlyKeys(kw.get(0).chunk().id());
        assertThat(loaded.get(kw.get(0).chunk().id())).isEqualTo(kw.get(0).chunk());
    }

    @Test
    void filtersByPathGlobLanguageAndSymbol() {
        index("p1", "src/HttpRequestParser.java", PARSER);
        index("p1", "src/LruCache.java", CACHE);
        index("p1", "docs/deploy.md", DOC);
        var q = EMBEDDER.embed("cache");
        assertThat(store.vector("p1", q, 10, new VectorStore.Filter("docs/**", null, null)))
                .extracting(h -> h.chunk().path()).containsOnly("docs/deploy.md");
        assertThat(store.vector("p1", q, 10, new VectorStore.Filter("*.java", null, null))).isEmpty();
        assertThat(store.vector("p1", q, 10, new VectorStore.Filter("src/*.java", null, null))).hasSize(4);
        assertThat(store.keyword("p1", "cache request bundle", 10, new VectorStore.Filter(null, "markdown", null)))
                .extracting(h -> h.chunk().language()).containsOnly("markdown");
        assertThat(store.vector("p1", q, 10, new VectorStore.Filter(null, null, "LruCache")))
                .extracting(h -> h.chunk().symbol()).containsExactlyInAnyOrder("LruCache", "LruCache.evictOldest");
    }

    @Test
    void namespacesAreIsolatedAndUpdatesReplaceAFilesChunks() {
        index("p1", "src/LruCache.java", CACHE);
        index("p2", "src/HttpRequestParser.java", PARSER);
        assertThat(store.keyword("p2", "cache", 10, VectorStore.Filter.NONE)).isEmpty();
        assertThat(store.fileHashes("p1")).containsOnlyKeys("src/LruCache.java");

        String changed = CACHE.replace("evictOldest", "dropEldest");
        index("p1", "src/LruCache.java", changed);
        assertThat(store.count("p1")).isEqualTo(2);
        assertThat(store.keyword("p1", "evictOldest", 10, VectorStore.Filter.NONE)).extracting(h -> h.chunk().content())
                .noneMatch(c -> c.contains("evictOldest")).anyMatch(c -> c.contains("dropEldest"));
        assertThat(store.fileHashes("p1")).isEqualTo(Map.of("src/LruCache.java", dev.luna.core.Hashes.sha256(changed)));

        store.apply("p1", List.of(), List.of(), Set.of("src/LruCache.java"));
        assertThat(store.count("p1")).isZero();
    }

    @Test
    void getPutDeleteOneChunk() {
        index("p1", "src/LruCache.java", CACHE);
        var hit = store.keyword("p1", "evictOldest", 1, VectorStore.Filter.NONE).get(0).chunk();
        var got = store.get("p1", hit.id()).orElseThrow();
        assertThat(got.chunk()).isEqualTo(hit);
        var replaced = new Chunk(hit.id(), hit.path(), hit.language(), hit.symbol(), hit.kind(), hit.startLine(), hit.endLine(),
                "void flushEverything() { }", dev.luna.core.Hashes.sha256("void flushEverything() { }"), 6);
        store.put("p1", new VectorStore.Entry(replaced, EMBEDDER.embed(replaced.content()), got.fileHash()));
        assertThat(store.get("p1", hit.id()).orElseThrow().chunk().content()).isEqualTo("void flushEverything() { }");
        assertThat(store.keyword("p1", "flush everything", 5, VectorStore.Filter.NONE)).extracting(h -> h.chunk().id()).contains(hit.id());
        assertThat(store.count("p1")).isEqualTo(2);
        store.delete("p1", hit.id());
        assertThat(store.get("p1", hit.id())).isEmpty();
        assertThat(store.keyword("p1", "flush", 5, VectorStore.Filter.NONE)).isEmpty();
    }

    @Test
    void aFailedUpdateLeavesTheIndexAsItWas() {
        index("p1", "src/LruCache.java", CACHE);
        var bad = new ArrayList<>(entries("src/LruCache.java", CACHE.replace("evictOldest", "dropEldest")));
        var first = bad.get(0);
        bad.add(new VectorStore.Entry(first.chunk().withId("ctx_bad"), new float[3], first.fileHash())); // wrong dimension
        assertThatThrownBy(() -> store.apply("p1", List.of("src/LruCache.java"), bad, List.of())).isInstanceOf(RuntimeException.class);
        assertThat(store.keyword("p1", "evictOldest", 10, VectorStore.Filter.NONE)).hasSize(1);
        assertThat(store.keyword("p1", "dropEldest", 10, VectorStore.Filter.NONE)).isEmpty();
        assertThat(store.count("p1")).isEqualTo(2);
    }

    @Test
    void pathGlobsOfEveryShape() {
        index("p1", "src/main/HttpRequestParser.java", PARSER);
        index("p1", "src/test/LruCache.java", CACHE);
        index("p1", "docs/deploy.md", DOC);
        var q = EMBEDDER.embed("cache");
        assertThat(store.vector("p1", q, 10, new VectorStore.Filter("src/**/Lru*.java", null, null)))
                .extracting(h -> h.chunk().path()).containsOnly("src/test/LruCache.java").hasSize(2);
        assertThat(store.vector("p1", q, 10, new VectorStore.Filter("**/*.md", null, null))).extracting(h -> h.chunk().path()).containsOnly("docs/deploy.md");
        assertThat(store.vector("p1", q, 10, new VectorStore.Filter("**/*.java", null, null))).hasSize(4);
        assertThat(store.vector("p1", q, 10, new VectorStore.Filter("src/*/Http?equestParser.java", null, null))).hasSize(2);
        assertThat(store.vector("p1", q, 10, new VectorStore.Filter("src/main/HttpRequestParser.java", null, null))).hasSize(2);
        assertThat(store.vector("p1", q, 10, new VectorStore.Filter("src/main/*", null, null))).hasSize(2);
        assertThat(store.vector("p1", q, 10, new VectorStore.Filter("src/*", null, null))).isEmpty();
        assertThat(store.vector("p1", q, 10, new VectorStore.Filter("src/**", null, null))).hasSize(4);
        assertThat(store.vector("p1", q, 10, new VectorStore.Filter("src/main/HttpRequestParser.jav", null, null))).isEmpty();
        assertThat(store.keyword("p1", "cache request", 10, new VectorStore.Filter("src/**", "java", "HttpRequestParser")))
                .isNotEmpty().extracting(h -> h.chunk().symbol()).allMatch(s -> s.startsWith("HttpRequestParser"));
    }

    @Test
    void anEmptyNamespaceHoldsNothing() {
        index("p1", "src/LruCache.java", CACHE);
        assertThat(store.count("nobody")).isZero();
        assertThat(store.fileHashes("nobody")).isEmpty();
        assertThat(store.keyword("nobody", "cache", 5, VectorStore.Filter.NONE)).isEmpty();
        assertThat(store.vector("nobody", EMBEDDER.embed("cache"), 5, VectorStore.Filter.NONE)).isEmpty();
        String id = store.keyword("p1", "cache", 1, VectorStore.Filter.NONE).get(0).chunk().id();
        assertThat(store.get("nobody", id)).isEmpty();
        assertThat(store.load("nobody", List.of(id))).isEmpty();
        assertThat(store.keyword("p1", "the of and", 5, VectorStore.Filter.NONE)).isEmpty(); // stop words only
    }

    @Test
    void oneApplyReplacesAndDeletesTogether() {
        index("p1", "src/LruCache.java", CACHE);
        index("p1", "src/HttpRequestParser.java", PARSER);
        index("p1", "docs/deploy.md", DOC);
        String changed = CACHE.replace("evictOldest", "dropEldest");
        store.apply("p1", List.of("src/LruCache.java"), entries("src/LruCache.java", changed), List.of("src/HttpRequestParser.java"));
        assertThat(store.fileHashes("p1")).isEqualTo(Map.of("src/LruCache.java", dev.luna.core.Hashes.sha256(changed),
                "docs/deploy.md", dev.luna.core.Hashes.sha256(DOC)));
        assertThat(store.count("p1")).isEqualTo(3);
        assertThat(store.keyword("p1", "parse http request", 10, VectorStore.Filter.NONE)).isEmpty();
        assertThat(store.keyword("p1", "drop eldest", 10, VectorStore.Filter.NONE)).extracting(h -> h.chunk().symbol()).contains("LruCache.dropEldest");
        assertThat(store.vector("p1", EMBEDDER.embed("parse http"), 10, VectorStore.Filter.NONE)).hasSize(3);
        // a file that now yields no chunks leaves the index, like a deleted one
        store.apply("p1", List.of("docs/deploy.md"), List.of(), List.of());
        assertThat(store.fileHashes("p1")).containsOnlyKeys("src/LruCache.java");
        assertThat(store.count("p1")).isEqualTo(2);
    }

    @Test
    void readersNeverSeeHalfAnUpdate() throws Exception {
        String changed = CACHE.replace("evictOldest", "dropEldest");
        var versions = List.of(entries("src/LruCache.java", CACHE), entries("src/LruCache.java", changed));
        store.apply("p1", List.of("src/LruCache.java"), versions.get(0), List.of());
        var onlyTheFile = new VectorStore.Filter("src/LruCache.java", null, null);
        var q = EMBEDDER.embed("evict the eldest cache entry");
        var done = new java.util.concurrent.atomic.AtomicBoolean();
        var writer = new Thread(() -> {
            try {
                for (int i = 1; i <= 12; i++) store.apply("p1", List.of("src/LruCache.java"), versions.get(i % 2), List.of());
            } finally {
                done.set(true);
            }
        });
        var mixed = new ArrayList<String>();
        int whole = 0;
        writer.start();
        try {
            while (!done.get() || whole == 0) {
                var seen = store.vector("p1", q, 10, onlyTheFile).stream().map(h -> h.chunk().content()).toList();
                boolean old = seen.stream().anyMatch(c -> c.contains("evictOldest"));
                boolean neu = seen.stream().anyMatch(c -> c.contains("dropEldest"));
                if ((old && neu) || seen.size() > 2) mixed.add(String.join(" | ", seen));
                if (seen.size() == 2) whole++;
            }
        } finally {
            writer.join();
        }
        assertThat(mixed).as("reads that saw two versions at once").isEmpty();
        assertThat(whole).isPositive();
        assertThat(store.count("p1")).isEqualTo(2);
    }

    @Test
    void aMatchInAMembersNameAndSignatureOutranksMentionsInABody() {
        index("p1", "src/Durations.java", """
                package p;
                class Durations {
                    Duration parseDuration(String text) { return Duration.ZERO; }
                }
                """);
        index("p1", "src/Reports.java", """
                package p;
                class Reports {
                    void print(Writer out) {
                        out.write("we parse every duration here: parse the duration, then parse the next duration");
                    }
                }
                """);
        var hits = store.keyword("p1", "parse a duration", 5, VectorStore.Filter.NONE);
        assertThat(hits).extracting(h -> h.chunk().symbol()).startsWith("Durations.parseDuration").contains("Reports.print");
    }

    @Test
    void rareTermsOutweighCommonOnes() {
        index("p1", "docs/a.md", "# Alpha\ncommon common common common common words here.\n");
        index("p1", "docs/b.md", "# Beta\nrare word.\n");
        index("p1", "docs/c.md", "# Gamma\ncommon thing.\n");
        index("p1", "docs/d.md", "# Delta\ncommon stuff.\n");
        index("p1", "docs/e.md", "# Epsilon\ncommon again.\n");
        var hits = store.keyword("p1", "common rare", 5, VectorStore.Filter.NONE);
        assertThat(hits).hasSize(5);
        assertThat(hits.get(0).chunk().path()).isEqualTo("docs/b.md");
        // statistics follow updates: once every file says rare, rare is the common word
        for (String f : List.of("a", "c", "d", "e")) index("p1", "docs/" + f + ".md", "# " + f + "\nrare rare rare.\n");
        index("p1", "docs/b.md", "# Beta\ncommon word.\n");
        assertThat(store.keyword("p1", "common rare", 5, VectorStore.Filter.NONE).get(0).chunk().path()).isEqualTo("docs/b.md");
    }
}
