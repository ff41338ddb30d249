package dev.luna.bench;

import dev.luna.core.Hashes;
import dev.luna.rag.CachingEmbedder;
import dev.luna.rag.Chunk;
import dev.luna.rag.Chunker;
import dev.luna.rag.ContextPacker;
import dev.luna.rag.EmbeddingText;
import dev.luna.rag.KeywordFields;
import dev.luna.rag.LuceneStore;
import dev.luna.rag.OnnxEmbedder;
import dev.luna.rag.Retriever;
import dev.luna.rag.VectorStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Retrieval quality on public codebases no one here wrote, split into corpora we may tune on and corpora we never
 * tune on: queries are the first sentences of public methods' Javadoc, the indexed text has every Javadoc blanked
 * (so a query never meets its own words), and the answer is the method. Measured as {@code /api/v1/rag/query} answers:
 * the retriever's ranking packed by {@link ContextPacker} (duplicates dropped, touching chunks of a file merged), and
 * a context is the answer when it is from the method's file and its line range contains the whole method (any of the
 * overloads the summary describes). For each embedding model, embedded text and retrieval variant: MRR@10 and
 * Recall@10 of keyword, vector and hybrid retrieval, per corpus; for hybrid also the lenient measures of earlier
 * figures (a context holding the method's first line; a chunk of the method's symbol, unpacked).
 *
 * <p>Arguments: {@code role=name=sources.jar} ... with role {@code tune} or {@code heldout}. System properties:
 * {@code luna.bench.models} (comma list, default both models), {@code luna.bench.texts} ({@code content},
 * {@code enriched}), {@code luna.bench.maxQueries} (per corpus, default 600), {@code luna.bench.cacheDir} (document
 * embeddings kept between runs), {@code luna.bench.variants} (semicolon list of {@code name:key=value,...} with keys
 * {@code k kw depth nw tw sw bw score} of {@link Retriever.Settings} and {@code sym name sig path join} of
 * {@link KeywordFields.Weights}; unset keys keep the defaults; default: the defaults only),
 * {@code luna.bench.variantsFile} (the same, one a line, read when each corpus is evaluated),
 * {@code luna.bench.diagnose} (true: per corpus, hybrid MRR by how many chunks share the method's name, and misses).
 */
public final class RagQuality {
    record Corpus(String role, String name, Map<String, String> stripped, List<RagCorpus.Query> queries) {
    }

    record Variant(String name, Retriever.Settings settings, KeywordFields.Weights weights) {
        static Variant parse(String spec) {
            String[] nv = spec.split(":", 2);
            var s = Retriever.Settings.DEFAULT;
            var w = KeywordFields.Weights.DEFAULT;
            var m = new HashMap<String, Double>();
            if (nv.length > 1 && !nv[1].isBlank()) {
                for (String kv : nv[1].split(",")) {
                    String[] p = kv.split("=");
                    m.put(p[0].trim(), Double.parseDouble(p[1].trim()));
                }
            }
            s = new Retriever.Settings(m.getOrDefault("k", (double) s.rrfK()).intValue(), m.getOrDefault("kw", s.keywordWeight()),
                    m.getOrDefault("depth", (double) s.rerankDepth()).intValue(), m.getOrDefault("nw", s.nameWeight()), m.getOrDefault("tw", s.typeWeight()),
                    m.getOrDefault("sw", s.signatureWeight()), m.getOrDefault("bw", s.baseWeight()), m.getOrDefault("score", s.scoreFusion() ? 1.0 : 0.0) > 0);
            w = new KeywordFields.Weights(m.getOrDefault("sym", w.symbol()), m.getOrDefault("name", w.name()), m.getOrDefault("sig", w.signature()),
                    m.getOrDefault("path", w.path()), m.getOrDefault("join", w.joined()));
            return new Variant(nv[0], s, w);
        }
    }

    public static void main(String[] args) throws Exception {
        int maxQueries = Integer.getInteger("luna.bench.maxQueries", 600);
        var models = List.of(System.getProperty("luna.bench.models", "all-minilm-l6-v2-q,bge-small-en-v1.5-q").split(","));
        var texts = List.of(System.getProperty("luna.bench.texts", "content,enriched").split(","));
        var variants = variants();
        boolean diagnose = Boolean.getBoolean("luna.bench.diagnose");
        String cacheDir = System.getProperty("luna.bench.cacheDir");
        var corpora = new ArrayList<Corpus>();
        for (String a : args) {
            String[] p = a.split("=", 3);
            var raw = RagCorpus.read(Path.of(p[2]));
            var stripped = new TreeMap<String, String>();
            raw.forEach((k, t) -> stripped.put(k, RagCorpus.blankJavadoc(t)));
            corpora.add(new Corpus(p[0], p[1], stripped, RagCorpus.evalSet(raw, maxQueries)));
            System.out.printf("corpus %-8s %-22s files %5d  queries %4d%n", p[0], p[1], raw.size(), corpora.get(corpora.size() - 1).queries().size());
        }
        System.out.println();
        System.out.println("role     corpus            model               text     variant      keyword MRR/R@10  vector MRR/R@10   hybrid MRR/R@10   hybrid MRR first-line/symbol  loose MRR/R@10 keyword  vector       hybrid         index s");
        for (String modelId : models) {
            var onnx = OnnxEmbedder.named(modelId);
            var embedder = new CachingEmbedder(onnx, cacheDir == null ? null : Path.of(cacheDir, modelId + ".bin"), 10_000);
            for (String text : texts) {
                Function<Chunk, String> embedded = text.equals("enriched") ? EmbeddingText::of : Chunk::content;
                for (var c : corpora) {
                    Path dir = Files.createTempDirectory("luna-rag-quality");
                    long t0 = System.nanoTime();
                    var names = new HashMap<String, Integer>();
                    var chunksOf = new HashMap<String, Integer>();
                    try (var store = new LuceneStore(dir)) {
                        var chunker = new Chunker();
                        var entries = new ArrayList<VectorStore.Entry>();
                        for (var f : c.stripped().entrySet()) {
                            var chunks = chunker.chunk(f.getKey(), f.getValue());
                            var vectors = embedder.embedAll(chunks.stream().map(embedded).toList());
                            for (int i = 0; i < chunks.size(); i++) {
                                var ch = chunks.get(i);
                                entries.add(new VectorStore.Entry(ch, vectors.get(i), Hashes.sha256(f.getValue())));
                                if (ch.symbol() != null) {
                                    names.merge(KeywordFields.name(ch), 1, Integer::sum);
                                    chunksOf.merge(ch.path() + "#" + ch.symbol(), 1, Integer::sum);
                                }
                            }
                        }
                        store.apply("q", c.stripped().keySet(), entries, List.of());
                    }
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    String vectorCell = null, looseVectorCell = null;
                    variants = variants();
                    for (var v : variants) {
                        try (var store = new LuceneStore(dir, v.weights())) {
                            var retriever = new Retriever(store, embedder, v.settings());
                            var loose = new StringBuilder();
                            var row = new StringBuilder(String.format("%-8s %-17s %-19s %-8s %-12s", c.role(), c.name(), shortName(modelId), text, v.name()));
                            for (var mode : List.of(Retriever.Mode.KEYWORD, Retriever.Mode.VECTOR, Retriever.Mode.HYBRID)) {
                                if (mode == Retriever.Mode.VECTOR && vectorCell != null) {
                                    row.append(vectorCell);
                                    loose.append(looseVectorCell);
                                    continue;
                                }
                                var score = new double[4];
                                int hit = 0, looseHit = 0;
                                var byNameShare = new TreeMap<String, double[]>();
                                int shown = 0;
                                for (var q : c.queries()) {
                                    var ranked = retriever.search("q", q.text(), 10, mode, VectorStore.Filter.NONE);
                                    var packed = ContextPacker.pack(ranked, null).contexts();
                                    int strict = rank(packed, q, true), first = rank(packed, q, false), symbol = RagBenchmark.rank(ranked, q);
                                    int named = looseRank(packed, q);
                                    if (named > 0) {
                                        score[3] += 1.0 / named;
                                        looseHit++;
                                    }
                                    if (strict > 0) {
                                        score[0] += 1.0 / strict;
                                        hit++;
                                    }
                                    if (first > 0) score[1] += 1.0 / first;
                                    if (symbol > 0) score[2] += 1.0 / symbol;
                                    if (diagnose && v == variants.get(0) && mode == Retriever.Mode.HYBRID) {
                                        String simple = q.symbol().substring(q.symbol().lastIndexOf('.') + 1);
                                        int shared = names.getOrDefault(simple, 0);
                                        String bucket = shared <= 1 ? "a: name in 1 chunk" : shared <= 5 ? "b: name in 2-5" : shared <= 20 ? "c: name in 6-20" : "d: name in >20";
                                        if (chunksOf.getOrDefault(q.path() + "#" + q.symbol(), 0) > 1) bucket += " (method split or overloaded)";
                                        var agg = byNameShare.computeIfAbsent(bucket, k -> new double[2]);
                                        agg[0] += strict > 0 ? 1.0 / strict : 0;
                                        agg[1]++;
                                        if (strict == 0 && shown < 12 && !packed.isEmpty()) {
                                            shown++;
                                            System.out.printf("    miss: \"%s\" -> %s (got %s)%n", q.text(), q.symbol(), packed.get(0).symbol());
                                        }
                                    }
                                }
                                int n = c.queries().size();
                                String cell = String.format("  %.3f / %.3f  ", score[0] / n, (double) hit / n);
                                String looseCell = String.format("  %.3f / %.3f", score[3] / n, (double) looseHit / n);
                                if (mode == Retriever.Mode.VECTOR) {
                                    vectorCell = cell;
                                    looseVectorCell = looseCell;
                                }
                                loose.append(looseCell);
                                row.append(cell);
                                if (mode == Retriever.Mode.HYBRID) row.append(String.format("   %.3f / %.3f          ", score[1] / n, score[2] / n));
                                for (var e : byNameShare.entrySet()) {
                                    System.out.printf("    %-50s queries %4d  hybrid MRR %.3f%n", e.getKey(), (int) e.getValue()[1], e.getValue()[0] / e.getValue()[1]);
                                }
                            }
                            System.out.println(row.append(loose).append(String.format("  %6.1f", seconds)));
                        }
                    }
                    deleteTree(dir);
                }
            }
        }
    }

    /** The variants of {@code luna.bench.variants}, or of the file {@code luna.bench.variantsFile} as it is when a corpus is evaluated. */
    private static List<Variant> variants() throws java.io.IOException {
        String file = System.getProperty("luna.bench.variantsFile");
        String spec = file != null ? Files.readString(Path.of(file)).replace("\n", ";") : System.getProperty("luna.bench.variants", "default:");
        var out = new ArrayList<Variant>();
        for (String v : spec.split(";")) if (!v.isBlank()) out.add(Variant.parse(v.trim()));
        for (var v : out) System.out.println("variant " + v.name() + " = " + v.settings() + " " + v.weights());
        return out;
    }

    private static String shortName(String modelId) {
        return modelId.replace("-v2-q", "-q").replace("-en-v1.5-q", "-v1.5-q");
    }

    /**
     * Rank (1-based, 0 = not in the top 10) of the first packed context from the method's file that holds the whole
     * method ({@code whole}) or its first line.
     */
    static int rank(List<ContextPacker.Context> contexts, RagCorpus.Query q) {
        return rank(contexts, q, true);
    }

    static int rank(List<ContextPacker.Context> contexts, RagCorpus.Query q, boolean whole) {
        for (int i = 0; i < contexts.size() && i < 10; i++) {
            var c = contexts.get(i);
            if (!c.path().equals(q.path())) continue;
            for (int[] m : q.lines()) {
                if (c.startLine() <= m[0] && (whole ? c.endLine() >= m[1] : c.endLine() >= m[0])) return i + 1;
            }
        }
        return 0;
    }

    /**
     * The looser rule of other evaluations: rank (1-based, 0 = not in the top 10) of the first packed context from the
     * method's file whose text has the method's name as a word (an overload, an override's caller or the method itself).
     */
    static int looseRank(List<ContextPacker.Context> contexts, RagCorpus.Query q) {
        String name = q.symbol().substring(q.symbol().lastIndexOf('.') + 1);
        var word = java.util.regex.Pattern.compile("(?<![\\p{L}\\p{N}_$])" + java.util.regex.Pattern.quote(name) + "(?![\\p{L}\\p{N}_$])");
        for (int i = 0; i < contexts.size() && i < 10; i++) {
            var c = contexts.get(i);
            if (c.path().equals(q.path()) && word.matcher(c.content()).find()) return i + 1;
        }
        return 0;
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var walk = Files.walk(dir)) {
            for (var p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
