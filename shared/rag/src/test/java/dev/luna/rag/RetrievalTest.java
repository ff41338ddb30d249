package dev.luna.rag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RetrievalTest {
    @Test
    void hybridFusesBothRankingsAndCachesQueryEmbeddings() {
        var embedder = new CachingEmbedder(VectorStoreContract.EMBEDDER, null, 100);
        try (var store = new LuceneStore(null)) {
            var chunker = new Chunker();
            for (var f : List.of(new String[]{"src/HttpRequestParser.java", VectorStoreContract.PARSER},
                    new String[]{"src/LruCache.java", VectorStoreContract.CACHE}, new String[]{"docs/deploy.md", VectorStoreContract.DOC})) {
                var chunks = chunker.chunk(f[0], f[1]);
                var vectors = embedder.embedAll(chunks.stream().map(Chunk::content).toList());
                var entries = new java.util.ArrayList<VectorStore.Entry>();
                for (int i = 0; i < chunks.size(); i++) entries.add(new VectorStore.Entry(chunks.get(i), vectors.get(i), "h"));
                store.apply("p", List.of(f[0]), entries, List.of());
            }
            var retriever = new Retriever(store, embedder);
            var hybrid = retriever.search("p", "how are incoming http request headers read", 3, Retriever.Mode.HYBRID, VectorStore.Filter.NONE);
            assertThat(hybrid.get(0).chunk().symbol()).isEqualTo("HttpRequestParser.parseHttpRequest");
            assertThat(hybrid.get(0).relevance()).isBetween(0.0, 1.0);
            assertThat(hybrid).hasSize(3);
            retriever.search("p", "how are incoming http request headers read", 3, Retriever.Mode.VECTOR, VectorStore.Filter.NONE);
            var stats = embedder.stats();
            assertThat(stats.queryHits()).isEqualTo(1);
            assertThat(stats.queryMisses()).isEqualTo(1);
            assertThat(stats.documentMisses()).isEqualTo(5);
        }
    }

    /** The default hybrid of {@link VectorStore}: fuses the store's id rankings, then loads the top k by id. */
    private static VectorStore fusingIds(LuceneStore lucene) {
        return new VectorStore() {
            public void apply(String ns, java.util.Collection<String> replace, List<Entry> entries, java.util.Collection<String> delete) {
                lucene.apply(ns, replace, entries, delete);
            }

            public java.util.Map<String, String> fileHashes(String ns) {
                return lucene.fileHashes(ns);
            }

            public java.util.Optional<Entry> get(String ns, String id) {
                return lucene.get(ns, id);
            }

            public void put(String ns, Entry entry) {
                lucene.put(ns, entry);
            }

            public boolean delete(String ns, String id) {
                return lucene.delete(ns, id);
            }

            public List<Hit> keyword(String ns, String query, int topK, Filter filter) {
                return lucene.keyword(ns, query, topK, filter);
            }

            public List<Ref> keywordRefs(String ns, String query, int topK, Filter filter) {
                return lucene.keywordRefs(ns, query, topK, filter);
            }

            public List<Ref> vectorRefs(String ns, float[] query, int topK, Filter filter) {
                return lucene.vectorRefs(ns, query, topK, filter);
            }

            public java.util.Map<String, Chunk> load(String ns, java.util.Collection<String> ids) {
                return lucene.load(ns, ids);
            }

            public List<Hit> vector(String ns, float[] query, int topK, Filter filter) {
                return lucene.vector(ns, query, topK, filter);
            }

            public long count(String ns) {
                return lucene.count(ns);
            }

            public void close() {
            }
        };
    }

    @Test
    void luceneHybridFusesOnDocumentNumbersExactlyAsTheIdFusionDoes() {
        String[] verbs = {"parse", "render", "split", "join", "escape", "encode", "compare", "index", "trim", "abbreviate"};
        String[] nouns = {"string", "array", "request", "header", "token", "number", "date", "path"};
        try (var lucene = new LuceneStore(null)) {
            var chunker = new Chunker();
            var entries = new java.util.ArrayList<VectorStore.Entry>();
            var paths = new java.util.ArrayList<String>();
            for (String noun : nouns) {
                var src = new StringBuilder("package p;\n\nclass " + Character.toUpperCase(noun.charAt(0)) + noun.substring(1) + "Utils {\n");
                for (String verb : verbs) {
                    src.append("    /** ").append(verb).append("s a ").append(noun).append(". */\n    static String ").append(verb)
                            .append(Character.toUpperCase(noun.charAt(0))).append(noun.substring(1)).append("(String ").append(noun)
                            .append(") {\n        return ").append(noun).append(".isEmpty() ? \"").append(verb).append("\" : ").append(noun)
                            .append(".strip();\n    }\n");
                }
                String path = (noun.length() % 2 == 0 ? "src/a/" : "src/b/") + noun + ".java";
                paths.add(path);
                var chunks = chunker.chunk(path, src.append("}\n").toString());
                var vectors = VectorStoreContract.EMBEDDER.embedAll(chunks.stream().map(Chunk::content).toList());
                for (int i = 0; i < chunks.size(); i++) entries.add(new VectorStore.Entry(chunks.get(i), vectors.get(i), "h"));
            }
            lucene.apply("p", paths, entries, List.of());
            assertThat(lucene.count("p")).isEqualTo(nouns.length * (verbs.length + 1));
            var reference = fusingIds(lucene);
            for (var fusion : List.of(new VectorStore.Fusion(1.0, 1.0, Retriever.RRF_K), new VectorStore.Fusion(0.7, 1.0, Retriever.RRF_K, true)))
            for (String query : List.of("split a string at a separator", "escape html in a request header", "compare two dates", "zzz qqq")) {
                float[] v = VectorStoreContract.EMBEDDER.embed(query);
                for (var filter : List.of(VectorStore.Filter.NONE, new VectorStore.Filter("src/a/**", null, null),
                        new VectorStore.Filter(null, "java", "StringUtils"))) {
                    for (int depth : new int[]{5, 40}) {
                        var expected = reference.hybrid("p", query, v, depth, 10, fusion, filter);
                        var actual = lucene.hybrid("p", query, v, depth, 10, fusion, filter);
                        assertThat(actual).as("%s %s %s depth %d", fusion, query, filter, depth).isEqualTo(expected);
                        assertThat(actual).isNotEmpty();
                    }
                }
            }
            // fused scores are what the weights say: first in both rankings scores the best possible
            var top = lucene.hybrid("p", "abbreviateDate", VectorStoreContract.EMBEDDER.embed("abbreviateDate"), 40, 3,
                    new VectorStore.Fusion(2.0, 0.5, 5), VectorStore.Filter.NONE);
            assertThat(top).isEqualTo(reference.hybrid("p", "abbreviateDate", VectorStoreContract.EMBEDDER.embed("abbreviateDate"), 40, 3,
                    new VectorStore.Fusion(2.0, 0.5, 5), VectorStore.Filter.NONE));
        }
    }

    @Test
    void theRerankLiftsTheMemberTheQueryNamesAndKeepsTheRestInFusedOrder() {
        var clear = member("Cache.clear"); var evict = member("LruCache.evictOldest"); var size = member("Cache.size"); var put = member("Cache.put");
        var fused = List.of(new Retriever.Ranked(clear, 0.9), new Retriever.Ranked(size, 0.85), new Retriever.Ranked(evict, 0.8),
                new Retriever.Ranked(put, 0.7));
        var settings = new Retriever.Settings(Retriever.RRF_K, 1.0, 50, 0.3, 0.1, 0);
        var reranked = new Retriever(null, null, settings).rerank("Evicts the oldest entry of an LRU cache", fused, 3);
        assertThat(reranked).extracting(r -> r.chunk().symbol()).containsExactly("LruCache.evictOldest", "Cache.clear", "Cache.size");
        // relevance stays within 0..1: (fused + 0.3 * share of evict, oldest + 0.1 * share of lru, cache) / 1.4
        assertThat(reranked.get(0).relevance()).isCloseTo((0.8 + 0.3 * 1 + 0.1 * 1) / 1.4, org.assertj.core.data.Offset.offset(1e-9));
        // without a name weight the fused order stands
        var plain = new Retriever(null, null, new Retriever.Settings(Retriever.RRF_K, 1.0, 50, 0, 0.1, 0)).rerank("Evicts the oldest entry", fused, 4);
        assertThat(plain).extracting(r -> r.chunk().symbol()).containsExactly("Cache.clear", "Cache.size", "LruCache.evictOldest", "Cache.put");
    }

    @Test
    void theSignatureTellsOverloadsApart() {
        var chars = overload("public static boolean isEquals(final char[] a, final char[] b) {");
        var floats = overload("public static boolean isEquals(final float[] a, final float[] b) {");
        var fused = List.of(new Retriever.Ranked(chars, 0.8), new Retriever.Ranked(floats, 0.78));
        var bySignature = new Retriever(null, null, new Retriever.Settings(Retriever.RRF_K, 1.0, 50, 0.3, 0, 0.3));
        assertThat(bySignature.rerank("Tests if two float arrays are equal.", fused, 2)).extracting(r -> r.chunk().content()).containsExactly(
                floats.content(), chars.content());
        var byNameOnly = new Retriever(null, null, new Retriever.Settings(Retriever.RRF_K, 1.0, 50, 0.3, 0, 0));
        assertThat(byNameOnly.rerank("Tests if two float arrays are equal.", fused, 2)).extracting(r -> r.chunk().content()).containsExactly(
                chars.content(), floats.content());
    }

    @Test
    void scoreFusionWeighsEachRankingsNormalisedScores() {
        try (var lucene = new LuceneStore(null)) {
            var chunker = new Chunker();
            var entries = new java.util.ArrayList<VectorStore.Entry>();
            for (var f : List.of(new String[]{"src/HttpRequestParser.java", VectorStoreContract.PARSER},
                    new String[]{"src/LruCache.java", VectorStoreContract.CACHE})) {
                var chunks = chunker.chunk(f[0], f[1]);
                var vectors = VectorStoreContract.EMBEDDER.embedAll(chunks.stream().map(Chunk::content).toList());
                for (int i = 0; i < chunks.size(); i++) entries.add(new VectorStore.Entry(chunks.get(i), vectors.get(i), "h"));
            }
            lucene.apply("p", List.of("src/HttpRequestParser.java", "src/LruCache.java"), entries, List.of());
            String query = "evict the oldest cache entry";
            float[] v = VectorStoreContract.EMBEDDER.embed(query);
            var fusion = new VectorStore.Fusion(0.7, 1.0, Retriever.RRF_K, true);
            var keyword = lucene.keywordRefs("p", query, 40, VectorStore.Filter.NONE);
            var vector = lucene.vectorRefs("p", v, 40, VectorStore.Filter.NONE);
            var expected = new java.util.HashMap<String, Double>();
            for (var ranking : List.of(keyword, vector)) {
                double w = ranking == keyword ? 0.7 : 1.0;
                double max = ranking.get(0).score(), min = ranking.get(ranking.size() - 1).score();
                for (var r : ranking) expected.merge(r.id(), w * (r.score() - min) / (max - min), Double::sum);
            }
            var fused = lucene.hybrid("p", query, v, 40, 40, fusion, VectorStore.Filter.NONE);
            assertThat(fused).hasSize(expected.size());
            for (var h : fused) assertThat(h.score()).as(h.chunk().symbol()).isCloseTo(expected.get(h.chunk().id()), org.assertj.core.data.Offset.offset(1e-6));
            assertThat(fused).extracting(VectorStore.Hit::score).isSortedAccordingTo(java.util.Comparator.reverseOrder());
            assertThat(fusion.best()).isEqualTo(1.7);
        }
    }

    @Test
    void theRerankLiftsTheDeclarationThatOtherCandidatesOverride() {
        var base = declared("AnnotationIntrospector", "public TypeResolverBuilder<?> findTypeResolver(MapperConfig<?> config, AnnotatedClass ac, JavaType baseType) {\n    return null;\n}");
        var override = declared("JacksonAnnotationIntrospector", "@Override\npublic TypeResolverBuilder<?> findTypeResolver(MapperConfig<?> config,\n        AnnotatedClass ac, JavaType baseType) {\n    return _findTypeResolver(config, ac, baseType);\n}");
        var pair = declared("AnnotationIntrospectorPair", "@Override // delegates\npublic TypeResolverBuilder<?> findTypeResolver(MapperConfig<?> config, AnnotatedClass ac, JavaType baseType) {\n    return _primary.findTypeResolver(config, ac, baseType);\n}");
        var fused = List.of(new Retriever.Ranked(override, 0.9), new Retriever.Ranked(pair, 0.85), new Retriever.Ranked(base, 0.8));
        var withPrior = new Retriever(null, null, new Retriever.Settings(Retriever.RRF_K, 1.0, 30, 0, 0, 0, 0.2, true));
        assertThat(withPrior.rerank("Method for checking if given class has annotations that indicate that specific type resolver is to be used", fused, 3))
                .extracting(r -> r.chunk().path()).containsExactly("src/AnnotationIntrospector.java", "src/JacksonAnnotationIntrospector.java",
                        "src/AnnotationIntrospectorPair.java");
        // an unmarked declaration with no override among the candidates gets nothing: the fused order stands
        var alone = List.of(new Retriever.Ranked(declared("Other", "public Object findTypeResolver(Object a, Object b, Object c) {\n  return a;\n}"), 0.9),
                new Retriever.Ranked(base, 0.8));
        assertThat(withPrior.rerank("type resolver", alone, 2)).extracting(r -> r.chunk().path()).containsExactly("src/Other.java", "src/AnnotationIntrospector.java");
        // a different parameter count is another member, not an override of this one
        var overload = List.of(new Retriever.Ranked(declared("Sub", "@Override\npublic Object findTypeResolver(Object a) {\n  return a;\n}"), 0.9),
                new Retriever.Ranked(base, 0.8));
        assertThat(withPrior.rerank("type resolver", overload, 2)).extracting(r -> r.chunk().path()).containsExactly("src/Sub.java", "src/AnnotationIntrospector.java");
    }

    @Test
    void overridesAreReadFromTheDeclarationNotFromCommentsOrBodies() {
        assertThat(Overrides.isOverride(declared("A", "/**\n * Unlike {@code @Override} in docs.\n */\npublic int size() {\n  return 0;\n}"))).isFalse();
        assertThat(Overrides.isOverride(declared("A", "@Override public int size() { return 0; }"))).isTrue();
        assertThat(Overrides.isOverride(declared("A", "@Override\n@SuppressWarnings(\"x\")\npublic int size() {\n  return 0;\n}"))).isTrue();
        assertThat(Overrides.isOverride(declared("A", "public int size() {\n  // @Override would be wrong here\n  return 0;\n}"))).isFalse();
        assertThat(Overrides.isOverride(new Chunk("k", "src/A.kt", "kotlin", "A.size", "function", 1, 1, "override fun size(): Int = 0", "h", 8))).isTrue();
        assertThat(Overrides.arity("public <T> T find(Map<String, List<T>> m, int[] a, String... rest) {", "find")).isEqualTo(3);
        assertThat(Overrides.arity("public int size() {", "size")).isZero();
        assertThat(Overrides.arity("void f(@Named(\"a,b\") String s) {", "f")).isEqualTo(1);
        assertThat(Overrides.key(declared("A", "@Override public int compareTo(A other) { return 0; }"))).isEqualTo("findTypeResolver/-1");
    }

    private static Chunk declared(String type, String content) {
        return new Chunk(type, "src/" + type + ".java", "java", type + ".findTypeResolver", "method", 1, 5, content, type, Tokens.count(content));
    }

    private static Chunk overload(String signature) {
        String content = signature + "\n    return java.util.Arrays.equals(a, b);\n}";
        return new Chunk(signature, "src/Equality.java", "java", "Equality.isEquals", "method", 1, 3, content, signature, Tokens.count(content));
    }

    @Test
    void hybridRetrievalRanksAlikeOverStoreFusionAndIdFusion() {
        // the re-rank runs in the retriever, so a store that fuses ids (Pinecone) and one that fuses documents (Lucene) agree
        var embedder = new CachingEmbedder(VectorStoreContract.EMBEDDER, null, 100);
        try (var lucene = new LuceneStore(null)) {
            var chunker = new Chunker();
            for (var f : List.of(new String[]{"src/HttpRequestParser.java", VectorStoreContract.PARSER},
                    new String[]{"src/LruCache.java", VectorStoreContract.CACHE}, new String[]{"docs/deploy.md", VectorStoreContract.DOC})) {
                var chunks = chunker.chunk(f[0], f[1]);
                var vectors = embedder.embedAll(chunks.stream().map(EmbeddingText::of).toList());
                var entries = new java.util.ArrayList<VectorStore.Entry>();
                for (int i = 0; i < chunks.size(); i++) entries.add(new VectorStore.Entry(chunks.get(i), vectors.get(i), "h"));
                lucene.apply("p", List.of(f[0]), entries, List.of());
            }
            var settings = Retriever.Settings.DEFAULT;
            for (String q : List.of("evict the oldest entry", "parse an http request", "deploy the bundle")) {
                var direct = new Retriever(lucene, embedder, settings).search("p", q, 3, Retriever.Mode.HYBRID, VectorStore.Filter.NONE);
                var viaIds = new Retriever(fusingIds(lucene), embedder, settings).search("p", q, 3, Retriever.Mode.HYBRID, VectorStore.Filter.NONE);
                assertThat(direct).as(q).isEqualTo(viaIds).isNotEmpty();
            }
        }
    }

    private static Chunk member(String symbol) {
        return new Chunk(symbol, "src/" + symbol.substring(0, symbol.indexOf('.')) + ".java", "java", symbol, "method", 1, 3, "void x() { }", symbol, 4);
    }

    @Test
    void reciprocalRankFusionRewardsAgreement() {
        Chunk a = chunk("a"), b = chunk("b"), c = chunk("c");
        var fused = Retriever.fuse(List.of(
                List.of(new VectorStore.Hit(a, 9), new VectorStore.Hit(b, 5)),
                List.of(new VectorStore.Hit(c, 0.9), new VectorStore.Hit(b, 0.8))), 3);
        assertThat(fused).extracting(r -> r.chunk().id()).containsExactly("b", "a", "c");
    }

    @Test
    void documentCachePersistsAcrossInstancesAndCanBeInvalidated(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        var file = dir.resolve("embeddings.bin");
        var first = new CachingEmbedder(VectorStoreContract.EMBEDDER, file, 10);
        float[] v = first.embedAll(List.of("int add(int a, int b)")).get(0);
        var second = new CachingEmbedder(VectorStoreContract.EMBEDDER, file, 10);
        assertThat(second.embedAll(List.of("int add(int a, int b)")).get(0)).containsExactly(v);
        assertThat(second.stats().documentHits()).isEqualTo(1);
        assertThat(second.stats().documentMisses()).isZero();
        second.invalidate(CachingEmbedder.key("int add(int a, int b)"));
        second.embedAll(List.of("int add(int a, int b)"));
        assertThat(second.stats().documentMisses()).isEqualTo(1);
    }

    @Test
    void packerDropsDuplicatesMergesOverlapsAndRespectsTheBudget() {
        var c1 = new Chunk("c1", "A.java", "java", "A.f", "method", 1, 5, "l1\nl2\nl3\nl4\nl5", "h1", Tokens.count("l1\nl2\nl3\nl4\nl5"));
        var c2 = new Chunk("c2", "A.java", "java", "A.f", "method", 4, 8, "l4\nl5\nl6\nl7\nl8", "h2", Tokens.count("l4\nl5\nl6\nl7\nl8"));
        var dup = new Chunk("c3", "B.java", "java", "B", "class", 1, 5, "l1\nl2\nl3\nl4\nl5", "h1", c1.tokenCount());
        var big = new Chunk("c4", "C.java", "java", "C", "class", 1, 1, "word ".repeat(200), "h4", Tokens.count("word ".repeat(200)));
        var packed = ContextPacker.pack(List.of(new Retriever.Ranked(c1, 1), new Retriever.Ranked(dup, 0.9),
                new Retriever.Ranked(c2, 0.8), new Retriever.Ranked(big, 0.5)), 100);
        assertThat(packed.droppedDuplicates()).isEqualTo(1);
        assertThat(packed.merged()).isEqualTo(1);
        assertThat(packed.omittedForBudget()).isEqualTo(1);
        assertThat(packed.contexts()).hasSize(1);
        var merged = packed.contexts().get(0);
        assertThat(merged.content()).isEqualTo("l1\nl2\nl3\nl4\nl5\nl6\nl7\nl8");
        assertThat(merged.startLine()).isEqualTo(1);
        assertThat(merged.endLine()).isEqualTo(8);
        assertThat(packed.totalTokens()).isEqualTo(merged.tokenCount()).isLessThanOrEqualTo(100);
    }

    private static Chunk chunk(String id) {
        return new Chunk(id, id, "text", null, "text", 1, 1, id, id, 1);
    }
}
