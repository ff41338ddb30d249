package dev.luna.rag;

import static dev.luna.rag.LuceneDocuments.FILE_HASH;
import static dev.luna.rag.LuceneDocuments.ID;
import static dev.luna.rag.LuceneDocuments.PATH;
import static dev.luna.rag.LuceneDocuments.VECTOR;

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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * Embedded Lucene: one index per namespace (a directory under the root, or in memory), chunks as documents with an
 * HNSW vector field (cosine) and BM25 text fields analysed by {@link IdentifierAnalyzer}. Each {@link #apply} is one
 * commit followed by a refresh, so searches never see half of an update; a failed update is rolled back.
 */
public final class LuceneStore implements VectorStore {
    private final Path root;
    private final Map<String, Index> indexes = new ConcurrentHashMap<>();
    private final Map<String, Directory> directories = new ConcurrentHashMap<>();
    private final PerFieldAnalyzerWrapper indexAnalyzer = LuceneDocuments.analyzer(true);
    private final LuceneQueries queries;

    /** @param root directory holding one index per namespace, or null to keep everything in memory */
    public LuceneStore(Path root) {
        this(root, KeywordFields.Weights.DEFAULT);
    }

    /** @param weights the keyword fields' weights (the bench varies them; everything else uses the default) */
    public LuceneStore(Path root, KeywordFields.Weights weights) {
        this.root = root;
        this.queries = new LuceneQueries(weights);
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
                for (Entry e : entries) index.writer.addDocument(LuceneDocuments.document(e));
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
                index.writer.updateDocument(new Term(ID, entry.chunk().id()), LuceneDocuments.document(entry));
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
            var fields = Set.of(PATH, FILE_HASH);
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
            return Optional.of(new Entry(LuceneDocuments.chunk(d), null, d.get(FILE_HASH)));
        });
    }

    @Override
    public List<Hit> keyword(String namespace, String query, int topK, Filter filter) {
        Query q = queries.keyword(query, filter);
        return q == null ? List.of() : hits(namespace, q, topK, false);
    }

    @Override
    public List<Hit> vector(String namespace, float[] query, int topK, Filter filter) {
        Query f = LuceneQueries.filter(filter);
        return hits(namespace, new KnnFloatVectorQuery(VECTOR, query, topK, f), topK, true);
    }

    private List<Hit> hits(String namespace, Query q, int topK, boolean cosine) {
        return search(namespace, s -> {
            var top = s.search(q, topK);
            var out = new ArrayList<Hit>(top.scoreDocs.length);
            var stored = s.storedFields();
            for (ScoreDoc sd : top.scoreDocs) {
                double score = cosine ? 2 * sd.score - 1 : sd.score;
                out.add(new Hit(LuceneDocuments.chunk(stored.document(sd.doc)), score));
            }
            return out;
        });
    }

    @Override
    public List<Ref> keywordRefs(String namespace, String query, int topK, Filter filter) {
        Query q = queries.keyword(query, filter);
        return q == null ? List.of() : refs(namespace, q, topK, false);
    }

    @Override
    public List<Ref> vectorRefs(String namespace, float[] query, int topK, Filter filter) {
        return refs(namespace, new KnnFloatVectorQuery(VECTOR, query, topK, LuceneQueries.filter(filter)), topK, true);
    }

    /** Ids from doc values: no stored fields are decompressed until the fused top k is known. */
    private List<Ref> refs(String namespace, Query q, int topK, boolean cosine) {
        return search(namespace, s -> {
            var top = s.search(q, topK);
            var out = new ArrayList<Ref>(top.scoreDocs.length);
            var leaves = s.getIndexReader().leaves();
            for (ScoreDoc sd : top.scoreDocs) {
                var leaf = leaves.get(ReaderUtil.subIndex(sd.doc, leaves));
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
        Query keyword = queries.keyword(query, filter);
        Query knn = new KnnFloatVectorQuery(VECTOR, vector, depth, LuceneQueries.filter(filter));
        return search(namespace, s -> {
            ScoreDoc[] k = keyword == null ? new ScoreDoc[0] : s.search(keyword, depth).scoreDocs;
            ScoreDoc[] v = s.search(knn, depth).scoreDocs;
            var fused = RankFusion.fuse(k, v, fusion, topK);
            var out = new ArrayList<Hit>(fused.length);
            var stored = s.storedFields();
            for (var f : fused) out.add(new Hit(LuceneDocuments.chunk(stored.document(f.doc())), f.score()));
            return out;
        });
    }

    @Override
    public Map<String, Chunk> load(String namespace, Collection<String> ids) {
        if (ids.isEmpty()) return Map.of();
        return search(namespace, s -> {
            var terms = ids.stream().map(BytesRef::new).toList();
            var top = s.search(new TermInSetQuery(ID, terms), ids.size());
            var out = new HashMap<String, Chunk>();
            var stored = s.storedFields();
            for (ScoreDoc sd : top.scoreDocs) {
                var c = LuceneDocuments.chunk(stored.document(sd.doc));
                out.put(c.id(), c);
            }
            return out;
        });
    }

    @Override
    public long count(String namespace) {
        return search(namespace, s -> (long) s.count(new MatchAllDocsQuery()));
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
