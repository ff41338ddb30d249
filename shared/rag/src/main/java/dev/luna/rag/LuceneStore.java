package dev.luna.rag;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.RegexpQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Embedded Lucene: one index per namespace (a directory under the root, or in memory), chunks as documents with an
 * HNSW vector field (cosine) and BM25 text fields analysed by {@link IdentifierAnalyzer}. Each {@link #apply} is one
 * commit followed by a refresh, so searches never see half of an update; a failed update is rolled back.
 */
public final class LuceneStore implements VectorStore {
    private static final String ID = "id", PATH = "path", LANGUAGE = "language", SYMBOL = "symbol", SYMBOL_TEXT = "symbolText",
            PATH_TEXT = "pathText", CONTENT = "content", KIND = "kind", START = "startLine", END = "endLine", HASH = "hash",
            TOKENS = "tokens", FILE_HASH = "fileHash", VECTOR = "vector";
    private final Path root;
    private final Map<String, Index> indexes = new ConcurrentHashMap<>();
    private final Map<String, Directory> directories = new ConcurrentHashMap<>();
    private final PerFieldAnalyzerWrapper indexAnalyzer = analyzer(true);
    private final IdentifierAnalyzer queryAnalyzer = new IdentifierAnalyzer(true);

    /** @param root directory holding one index per namespace, or null to keep everything in memory */
    public LuceneStore(Path root) {
        this.root = root;
    }

    private static PerFieldAnalyzerWrapper analyzer(boolean forIndex) {
        var code = new IdentifierAnalyzer(forIndex);
        return new PerFieldAnalyzerWrapper(new StandardAnalyzer(), Map.of(CONTENT, code, SYMBOL_TEXT, code, PATH_TEXT, code));
    }

    private final class Index {
        final Directory directory;
        final IndexWriter writer;
        final SearcherManager searchers;

        Index(Directory directory) throws IOException {
            this.directory = directory;
            var config = new IndexWriterConfig(indexAnalyzer);
            config.setRAMBufferSizeMB(64);
            writer = new IndexWriter(directory, config);
            searchers = new SearcherManager(writer, null);
        }

        void close() throws IOException {
            searchers.close();
            writer.close();
        }
    }

    private static String safe(String namespace) {
        if (namespace.matches("[A-Za-z0-9_-]{1,100}")) return namespace;
        return "ns-" + dev.luna.core.Hashes.sha256(namespace).substring(0, 32);
    }

    private Index index(String namespace) {
        return indexes.computeIfAbsent(namespace, ns -> {
            try {
                var directory = directories.computeIfAbsent(ns, n -> {
                    try {
                        return root == null ? new ByteBuffersDirectory() : FSDirectory.open(root.resolve(safe(n)));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                return new Index(directory);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public void apply(String namespace, Collection<String> replacePaths, List<Entry> entries, Collection<String> deletePaths) {
        var index = index(namespace);
        synchronized (index) {
            try {
                var paths = new LinkedHashSet<String>(replacePaths);
                paths.addAll(deletePaths);
                for (String p : paths) index.writer.deleteDocuments(new Term(PATH, p));
                for (Entry e : entries) index.writer.addDocument(document(e));
                index.writer.commit();
                index.searchers.maybeRefreshBlocking();
            } catch (IOException | RuntimeException e) {
                rollback(namespace, index);
                throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
            }
        }
    }

    private void rollback(String namespace, Index index) {
        indexes.remove(namespace);
        try {
            index.searchers.close();
            index.writer.rollback(); // discards everything since the last commit; the directory stays open
        } catch (IOException | RuntimeException ignored) {
            // the next access reopens the last commit
        }
    }

    @Override
    public void put(String namespace, Entry entry) {
        var index = index(namespace);
        synchronized (index) {
            try {
                index.writer.updateDocument(new Term(ID, entry.chunk().id()), document(entry));
                index.writer.commit();
                index.searchers.maybeRefreshBlocking();
            } catch (IOException e) {
                rollback(namespace, index);
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public boolean delete(String namespace, String chunkId) {
        var index = index(namespace);
        synchronized (index) {
            try {
                long n = index.writer.deleteDocuments(new Term(ID, chunkId));
                index.writer.commit();
                index.searchers.maybeRefreshBlocking();
                return n >= 0;
            } catch (IOException e) {
                rollback(namespace, index);
                throw new UncheckedIOException(e);
            }
        }
    }

    private static Document document(Entry e) {
        Chunk c = e.chunk();
        var d = new Document();
        d.add(new StringField(ID, c.id(), Field.Store.YES));
        d.add(new org.apache.lucene.document.SortedDocValuesField(ID, new org.apache.lucene.util.BytesRef(c.id())));
        d.add(new StringField(PATH, c.path(), Field.Store.YES));
        d.add(new TextField(PATH_TEXT, c.path(), Field.Store.NO));
        d.add(new StringField(LANGUAGE, c.language(), Field.Store.YES));
        if (c.symbol() != null) {
            d.add(new StringField(SYMBOL, c.symbol(), Field.Store.YES));
            d.add(new TextField(SYMBOL_TEXT, c.symbol(), Field.Store.NO));
        }
        d.add(new StoredField(KIND, c.kind()));
        d.add(new IntField(START, c.startLine(), Field.Store.YES));
        d.add(new StoredField(END, c.endLine()));
        d.add(new TextField(CONTENT, c.content(), Field.Store.YES));
        d.add(new StringField(HASH, c.contentHash(), Field.Store.YES));
        d.add(new StoredField(TOKENS, c.tokenCount()));
        d.add(new StringField(FILE_HASH, e.fileHash() == null ? "" : e.fileHash(), Field.Store.YES));
        if (e.vector() != null) d.add(new KnnFloatVectorField(VECTOR, e.vector(), VectorSimilarityFunction.COSINE));
        return d;
    }

    private static Chunk chunk(Document d) {
        return new Chunk(d.get(ID), d.get(PATH), d.get(LANGUAGE), d.get(SYMBOL), d.get(KIND),
                d.getField(START).numericValue().intValue(), d.getField(END).numericValue().intValue(), d.get(CONTENT), d.get(HASH),
                d.getField(TOKENS).numericValue().intValue());
    }

    private interface Search<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    private <T> T search(String namespace, Search<T> search) {
        var index = index(namespace);
        try {
            IndexSearcher searcher = index.searchers.acquire();
            try {
                return search.run(searcher);
            } finally {
                index.searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> fileHashes(String namespace) {
        return search(namespace, s -> {
            var out = new HashMap<String, String>();
            var stored = s.storedFields();
            var fields = java.util.Set.of(PATH, FILE_HASH);
            for (var leaf : s.getIndexReader().leaves()) {
                var live = leaf.reader().getLiveDocs();
                var sf = leaf.reader().storedFields();
                for (int i = 0; i < leaf.reader().maxDoc(); i++) {
                    if (live != null && !live.get(i)) continue;
                    var d = sf.document(i, fields);
                    out.put(d.get(PATH), d.get(FILE_HASH));
                }
            }
            return out;
        });
    }

    @Override
    public Optional<Entry> get(String namespace, String chunkId) {
        return search(namespace, s -> {
            var top = s.search(new TermQuery(new Term(ID, chunkId)), 1);
            if (top.scoreDocs.length == 0) return Optional.empty();
            var d = s.storedFields().document(top.scoreDocs[0].doc);
            return Optional.of(new Entry(chunk(d), null, d.get(FILE_HASH)));
        });
    }

    @Override
    public List<Hit> keyword(String namespace, String query, int topK, Filter filter) {
        Query q = keywordQuery(query, filter);
        return q == null ? List.of() : hits(namespace, q, topK, false);
    }

    private Query keywordQuery(String query, Filter filter) {
        var terms = analyze(query);
        if (terms.isEmpty()) return null;
        var text = new BooleanQuery.Builder();
        for (String t : terms) {
            text.add(new TermQuery(new Term(CONTENT, t)), BooleanClause.Occur.SHOULD);
            text.add(new BoostQuery(new TermQuery(new Term(SYMBOL_TEXT, t)), 2f), BooleanClause.Occur.SHOULD);
            text.add(new BoostQuery(new TermQuery(new Term(PATH_TEXT, t)), 0.5f), BooleanClause.Occur.SHOULD);
        }
        return filtered(text.build(), filter);
    }

    @Override
    public List<Hit> vector(String namespace, float[] query, int topK, Filter filter) {
        Query f = filterQuery(filter);
        return hits(namespace, new KnnFloatVectorQuery(VECTOR, query, topK, f), topK, true);
    }

    private List<Hit> hits(String namespace, Query q, int topK, boolean cosine) {
        return search(namespace, s -> {
            var top = s.search(q, topK);
            var out = new ArrayList<Hit>(top.scoreDocs.length);
            var stored = s.storedFields();
            for (ScoreDoc sd : top.scoreDocs) {
                double score = cosine ? 2 * sd.score - 1 : sd.score;
                out.add(new Hit(chunk(stored.document(sd.doc)), score));
            }
            return out;
        });
    }

    @Override
    public List<Ref> keywordRefs(String namespace, String query, int topK, Filter filter) {
        Query q = keywordQuery(query, filter);
        return q == null ? List.of() : refs(namespace, q, topK, false);
    }

    @Override
    public List<Ref> vectorRefs(String namespace, float[] query, int topK, Filter filter) {
        return refs(namespace, new KnnFloatVectorQuery(VECTOR, query, topK, filterQuery(filter)), topK, true);
    }

    /** Ids from doc values: no stored fields are decompressed until the fused top k is known. */
    private List<Ref> refs(String namespace, Query q, int topK, boolean cosine) {
        return search(namespace, s -> {
            var top = s.search(q, topK);
            var out = new ArrayList<Ref>(top.scoreDocs.length);
            var leaves = s.getIndexReader().leaves();
            for (ScoreDoc sd : top.scoreDocs) {
                var leaf = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(sd.doc, leaves));
                var ids = leaf.reader().getSortedDocValues(ID);
                int local = sd.doc - leaf.docBase;
                if (ids == null || !ids.advanceExact(local)) continue;
                out.add(new Ref(ids.lookupOrd(ids.ordValue()).utf8ToString(), cosine ? 2 * sd.score - 1 : sd.score));
            }
            return out;
        });
    }

    /**
     * Both rankings on one searcher, fused on Lucene document numbers (no ids looked up, nothing loaded for the
     * candidates), then the stored fields of the fused top k only, read by document number.
     */
    @Override
    public List<Hit> hybrid(String namespace, String query, float[] vector, int depth, int topK, Fusion fusion, Filter filter) {
        Query keyword = keywordQuery(query, filter);
        Query knn = new KnnFloatVectorQuery(VECTOR, vector, depth, filterQuery(filter));
        return search(namespace, s -> {
            ScoreDoc[] k = keyword == null ? new ScoreDoc[0] : s.search(keyword, depth).scoreDocs;
            ScoreDoc[] v = s.search(knn, depth).scoreDocs;
            // candidates in the order first met: keyword ranking, then the vector ranking's new ones
            int[] docs = new int[k.length + v.length];
            double[] scores = new double[docs.length];
            int n = 0;
            for (int r = 0; r < k.length; r++) {
                docs[n] = k[r].doc;
                scores[n++] = fusion.keywordWeight() / (fusion.k() + r + 1);
            }
            int fromKeyword = n;
            for (int r = 0; r < v.length; r++) {
                double add = fusion.vectorWeight() / (fusion.k() + r + 1);
                int at = -1;
                for (int j = 0; j < fromKeyword; j++) {
                    if (docs[j] == v[r].doc) {
                        at = j;
                        break;
                    }
                }
                if (at >= 0) {
                    scores[at] += add;
                } else {
                    docs[n] = v[r].doc;
                    scores[n++] = add;
                }
            }
            // stable selection of the top k by fused score
            Integer[] order = new Integer[n];
            for (int j = 0; j < n; j++) order[j] = j;
            java.util.Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
            int take = Math.min(topK, n);
            var out = new ArrayList<Hit>(take);
            var stored = s.storedFields();
            for (int j = 0; j < take; j++) out.add(new Hit(chunk(stored.document(docs[order[j]])), scores[order[j]]));
            return out;
        });
    }

    @Override
    public Map<String, Chunk> load(String namespace, Collection<String> ids) {
        if (ids.isEmpty()) return Map.of();
        return search(namespace, s -> {
            var terms = ids.stream().map(org.apache.lucene.util.BytesRef::new).toList();
            var top = s.search(new org.apache.lucene.search.TermInSetQuery(ID, terms), ids.size());
            var out = new HashMap<String, Chunk>();
            var stored = s.storedFields();
            for (ScoreDoc sd : top.scoreDocs) {
                var c = chunk(stored.document(sd.doc));
                out.put(c.id(), c);
            }
            return out;
        });
    }

    @Override
    public long count(String namespace) {
        return search(namespace, s -> (long) s.count(new MatchAllDocsQuery()));
    }

    private List<String> analyze(String text) {
        var out = new ArrayList<String>();
        try (var ts = queryAnalyzer.tokenStream(CONTENT, text)) {
            var term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                String t = term.toString();
                if (!out.contains(t) && out.size() < 256) out.add(t);
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static Query filtered(Query q, Filter filter) {
        Query f = filterQuery(filter);
        if (f == null) return q;
        return new BooleanQuery.Builder().add(q, BooleanClause.Occur.MUST).add(f, BooleanClause.Occur.FILTER).build();
    }

    private static Query filterQuery(Filter filter) {
        if (filter == null) return null;
        var b = new BooleanQuery.Builder();
        int n = 0;
        if (filter.language() != null) {
            b.add(new TermQuery(new Term(LANGUAGE, filter.language())), BooleanClause.Occur.FILTER);
            n++;
        }
        if (filter.symbol() != null) {
            var s = new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(SYMBOL, filter.symbol())), BooleanClause.Occur.SHOULD)
                    .add(new PrefixQuery(new Term(SYMBOL, filter.symbol() + ".")), BooleanClause.Occur.SHOULD)
                    .setMinimumNumberShouldMatch(1).build();
            b.add(s, BooleanClause.Occur.FILTER);
            n++;
        }
        if (filter.pathGlob() != null) {
            try {
                b.add(new RegexpQuery(new Term(PATH, globToRegexp(filter.pathGlob()))), BooleanClause.Occur.FILTER);
            } catch (IllegalArgumentException | org.apache.lucene.util.automaton.TooComplexToDeterminizeException e) {
                throw new dev.luna.core.ValidationException("filters.path", "is too complex a glob");
            }
            n++;
        }
        return n == 0 ? null : b.build();
    }

    /** A glob as a Lucene regular expression: {@code **}{@code /} any directories, {@code **} anything, {@code *} within a segment, {@code ?} one character. */
    static String globToRegexp(String glob) {
        var sb = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                if (i + 2 < glob.length() && glob.charAt(i + 2) == '/') {
                    sb.append("(.*/)?");
                    i += 2;
                } else {
                    sb.append(".*");
                    i++;
                }
            } else if (c == '*') {
                sb.append("[^/]*");
            } else if (c == '?') {
                sb.append("[^/]");
            } else if (Character.isLetterOrDigit(c) || c == '/') {
                sb.append(c);
            } else {
                sb.append('\\').append(c);
            }
        }
        return sb.toString();
    }

    @Override
    public void close() {
        for (var e : indexes.entrySet()) {
            try {
                e.getValue().close();
            } catch (IOException ignored) {
                // closing
            }
        }
        indexes.clear();
        for (var d : directories.values()) {
            try {
                d.close();
            } catch (IOException ignored) {
                // closing
            }
        }
        directories.clear();
    }
}
