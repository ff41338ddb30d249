package dev.luna.rag;

import static dev.luna.rag.PineconeStructs.CHUNK;
import static dev.luna.rag.PineconeStructs.FILE;
import static dev.luna.rag.PineconeStructs.KIND;
import static dev.luna.rag.PineconeStructs.PART;
import static dev.luna.rag.PineconeStructs.and;
import static dev.luna.rag.PineconeStructs.committed;
import static dev.luna.rag.PineconeStructs.live;
import static dev.luna.rag.PineconeStructs.obj;
import static dev.luna.rag.PineconeStructs.str;
import static dev.luna.rag.PineconeStructs.strings;
import static dev.luna.rag.PineconeStructs.text;

import dev.luna.rag.PineconeGenerations.State;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.pinecone.proto.Vector;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pinecone (serverless, dotproduct metric, dimension of the embedder) through {@code io.pinecone:pinecone-client}'s
 * gRPC data plane; one Pinecone namespace per Luna namespace (project).
 *
 * <p><b>Records.</b> Each chunk is one vector: the dense embedding plus a sparse BM25-style vector of its
 * {@link IdentifierAnalyzer} terms (hashed to 32-bit indices), so one index serves vector, keyword and hybrid ranking.
 * Its metadata holds everything a {@link Chunk} has (path, language, symbol, lines, hashes, token count) and the content
 * itself: chunks are at most {@link Chunker#DEFAULT_MAX_TOKENS} tokens, far below Pinecone's 40 KB per vector, and a
 * rarer larger one (an edited context) spills into continuation records ({@code kind=part}) that queries never return.
 * Filters run in Pinecone: language and symbol exactly (a symbol also matches its members, through the stored list of
 * its dotted prefixes), and a path glob through the stored directory prefixes, depth and extension; a glob those
 * cannot express exactly is finished client-side over a deeper candidate list. Per namespace, one {@code kind=file}
 * record per file holds its hash, and one state record ({@code __luna_state}) holds the committed generation and the
 * chunk count.
 *
 * <p><b>Atomic updates.</b> Pinecone has no transactions, so every record carries the generation that created it
 * ({@code from}) and the one that superseded it ({@code until}, open until then), and every read first fetches the
 * committed generation G and filters on {@code from <= G < until}. A write of generation G+1 (1) upserts the new
 * records (invisible: {@code from} is G+1), (2) marks the records it replaces with {@code until = G+1} (still visible),
 * (3) flips the state record to G+1 — one single-vector upsert, the only step readers can observe — and (4) deletes
 * records superseded before the previous generation (a reader that fetched G keeps a consistent view while G+1
 * lands). A write that fails, or a process that dies mid-write, leaves G in place; the next write first deletes
 * records newer than G and reopens records marked past G. Limits, stated honestly: writers to one namespace must be
 * serialised (this class does so per JVM; Luna's index jobs run one at a time per project, but two containers writing
 * the same project at once could both claim G+1), and Pinecone is eventually consistent, so for a moment after a flip
 * a query may miss records Pinecone has not yet made searchable (never mixing generations among those it returns).
 *
 * <p><b>Keyword ranking</b> queries the sparse vector only (the dense part of the query is a negligible epsilon;
 * Pinecone wants one) and drops matches sharing no term. Document weights are BM25's saturated term frequencies
 * (k1 1.2, b 0.75; symbol, name, signature and path terms weighted by {@link KeywordFields}, as in
 * {@link LuceneStore}) with the namespace's running
 * average chunk length; query weights are BM25's IDF, from document frequencies Pinecone does not keep, so this store
 * keeps them: one {@code kind=term} record per term index with its {@code df}, adjusted after every write (outside
 * the generation scheme: a failure there only skews weights until the terms are written again).
 */
public final class PineconeStore implements VectorStore {
    /** How to reach the index. {@code host}: the data-plane host (blank: asked from the control plane by index name). */
    public record Settings(String apiKey, String indexName, String host, String controlUrl, boolean createIfMissing, String cloud,
                           String region, int dimension) {
    }

    static final int IN_BATCH = 1000;

    private final PineconeData data;
    private final PineconeGenerations generations;
    private final PineconeTerms terms;
    private final PineconeRecords records;
    private final PineconeQueries queries;
    private final int dimension;

    /** Connects (asking the control plane for the host if none is given, creating the index if asked) and checks the index. */
    public static PineconeStore connect(Settings s) {
        if (s.apiKey() == null || s.apiKey().isBlank()) throw new IllegalStateException("Pinecone needs an API key (PINECONE_API_KEY)");
        if (s.indexName() == null || s.indexName().isBlank()) throw new IllegalStateException("Pinecone needs an index name (LUNA_PINECONE_INDEX)");
        String host = s.host() == null || s.host().isBlank() ? PineconeControlPlane.resolveHost(s) : s.host();
        return new PineconeStore(s.apiKey(), host, s.dimension());
    }

    /**
     * @param host the index's data-plane host: {@code name-xyz.svc.region.pinecone.io} (TLS on 443), {@code host:port};
     *             {@code http://} forces plaintext, {@code https://} TLS, and a loopback host without scheme is plaintext
     */
    public PineconeStore(String apiKey, String host, int dimension) {
        this.dimension = dimension;
        this.data = new PineconeData(apiKey, host, dimension);
        this.generations = new PineconeGenerations(data);
        this.terms = new PineconeTerms(data);
        this.records = new PineconeRecords(data, terms);
        this.queries = new PineconeQueries(data, terms, records);
        var stats = data.stats();
        if (stats.hasDimension() && stats.getDimension() != dimension) {
            close();
            throw new IllegalStateException("the Pinecone index at " + host + " has dimension " + stats.getDimension() + ", the embedder " + dimension);
        }
        if (stats.hasMetric() && !stats.getMetric().isEmpty() && !"dotproduct".equalsIgnoreCase(stats.getMetric())) {
            close();
            throw new IllegalStateException("the Pinecone index at " + host + " uses metric " + stats.getMetric() + "; hybrid search needs dotproduct");
        }
    }

    /** A data-plane call that Pinecone refused or that did not reach it. */
    public static final class PineconeFailure extends RuntimeException {
        private final Status.Code code;

        PineconeFailure(String op, StatusRuntimeException e) {
            super("Pinecone " + op + " failed: " + e.getStatus().getCode() + (e.getStatus().getDescription() == null ? "" : " " + e.getStatus().getDescription()), e);
            this.code = e.getStatus().getCode();
        }

        public Status.Code code() {
            return code;
        }
    }

    // ---- writes

    @Override
    public void apply(String namespace, Collection<String> replacePaths, List<Entry> entries, Collection<String> deletePaths) {
        for (Entry e : entries) validate(e);
        synchronized (generations.lock(namespace)) {
            State s = generations.state(namespace);
            generations.recover(namespace, s);
            var paths = new LinkedHashSet<String>(replacePaths);
            paths.addAll(deletePaths);
            generations.write(namespace, s, g -> {
                var vectors = new ArrayList<Vector>();
                var fileHashes = new LinkedHashMap<String, String>();
                double avgdl = s.avgdl();
                long tokens = 0;
                for (Entry e : entries) {
                    vectors.addAll(records.records(e, g, avgdl));
                    fileHashes.put(e.chunk().path(), e.fileHash() == null ? "" : e.fileHash());
                    tokens += terms.terms(e.chunk().content()).size();
                }
                for (var f : fileHashes.entrySet()) vectors.add(records.fileRecord(f.getKey(), f.getValue(), g));
                data.upsert(namespace, vectors);
                var removed = new ArrayList<Vector>();
                var list = new ArrayList<>(paths);
                for (int i = 0; i < list.size(); i += IN_BATCH) {
                    var batch = list.subList(i, Math.min(list.size(), i + IN_BATCH));
                    var in = obj("$in", strings(batch));
                    var replaced = and(obj("path", in), obj(KIND, str(CHUNK)), committed(s.committed()));
                    removed.addAll(data.selectAll(namespace, replaced));
                    generations.supersede(namespace, replaced, g);
                    generations.supersede(namespace, and(obj("path", in), obj(KIND, obj("$in", strings(List.of(PART, FILE)))),
                            committed(s.committed())), g);
                }
                long chunks = Math.max(0, s.chunks() - removed.size() + entries.size());
                double newAvg = entries.isEmpty() ? avgdl : (avgdl * s.chunks() + tokens) / Math.max(1, s.chunks() + entries.size());
                generations.commit(namespace, new State(g, chunks, newAvg));
                return PineconeTerms.delta(vectors, removed);
            }, delta -> terms.count(namespace, delta));
        }
    }

    @Override
    public void put(String namespace, Entry entry) {
        validate(entry);
        synchronized (generations.lock(namespace)) {
            State s = generations.state(namespace);
            generations.recover(namespace, s);
            generations.write(namespace, s, g -> {
                var old = data.selectAll(namespace, and(obj(KIND, str(CHUNK)), obj(CHUNK, str(entry.chunk().id())), committed(s.committed())));
                var vectors = new ArrayList<>(records.records(entry, g, s.avgdl()));
                vectors.add(records.fileRecord(entry.chunk().path(), entry.fileHash() == null ? "" : entry.fileHash(), g));
                data.upsert(namespace, vectors);
                generations.supersede(namespace, and(obj(CHUNK, str(entry.chunk().id())), committed(s.committed())), g);
                generations.supersede(namespace, and(obj("path", str(entry.chunk().path())), obj(KIND, str(FILE)), committed(s.committed())), g);
                generations.commit(namespace, new State(g, s.chunks() + (old.isEmpty() ? 1 : 0), s.avgdl()));
                return PineconeTerms.delta(vectors, old);
            }, delta -> terms.count(namespace, delta));
        }
    }

    @Override
    public boolean delete(String namespace, String chunkId) {
        synchronized (generations.lock(namespace)) {
            State s = generations.state(namespace);
            if (s.committed() == 0) return false;
            generations.recover(namespace, s);
            var old = data.selectAll(namespace, and(obj(KIND, str(CHUNK)), obj(CHUNK, str(chunkId)), committed(s.committed())));
            if (old.isEmpty()) return false;
            generations.write(namespace, s, g -> {
                generations.supersede(namespace, and(obj(CHUNK, str(chunkId)), committed(s.committed())), g);
                generations.commit(namespace, new State(g, Math.max(0, s.chunks() - 1), s.avgdl()));
                return PineconeTerms.delta(List.of(), old);
            }, delta -> terms.count(namespace, delta));
            return true;
        }
    }

    private void validate(Entry e) {
        if (e.vector() == null) throw new IllegalArgumentException("chunk " + e.chunk().id() + " has no vector");
        if (e.vector().length != dimension) {
            throw new IllegalArgumentException("chunk " + e.chunk().id() + " has a vector of dimension " + e.vector().length + ", the index " + dimension);
        }
        for (float f : e.vector()) if (!Float.isFinite(f)) throw new IllegalArgumentException("chunk " + e.chunk().id() + " has a vector with a value that is not finite");
    }

    // ---- reads

    @Override
    public Map<String, String> fileHashes(String namespace) {
        State s = generations.state(namespace);
        var out = new HashMap<String, String>();
        if (s.committed() == 0) return out;
        for (Vector v : data.selectAll(namespace, and(obj(KIND, str(FILE)), live(s.committed())))) {
            var m = v.getMetadata().getFieldsMap();
            out.put(text(m, "path"), text(m, "fileHash"));
        }
        return out;
    }

    @Override
    public Optional<Entry> get(String namespace, String chunkId) {
        var found = loadEntries(namespace, generations.state(namespace), List.of(chunkId));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(chunkId));
    }

    @Override
    public Map<String, Chunk> load(String namespace, Collection<String> ids) {
        if (ids.isEmpty()) return Map.of();
        var out = new LinkedHashMap<String, Chunk>();
        for (var e : loadEntries(namespace, generations.state(namespace), ids).entrySet()) out.put(e.getKey(), e.getValue().chunk());
        return out;
    }

    private Map<String, Entry> loadEntries(String namespace, State s, Collection<String> ids) {
        var out = new LinkedHashMap<String, Entry>();
        if (s.committed() == 0 || ids.isEmpty()) return out;
        var list = new ArrayList<>(new LinkedHashSet<>(ids));
        var found = new ArrayList<Vector>();
        for (int i = 0; i < list.size(); i += IN_BATCH) {
            var batch = list.subList(i, Math.min(list.size(), i + IN_BATCH));
            found.addAll(data.selectAll(namespace, and(obj(KIND, str(CHUNK)), obj(CHUNK, obj("$in", strings(batch))), live(s.committed()))));
        }
        var chunks = records.chunksOf(namespace, found.stream().map(Vector::getId).toList(), found.stream().map(Vector::getMetadata).toList());
        for (int i = 0; i < found.size(); i++) {
            Chunk c = chunks.get(i);
            out.put(c.id(), new Entry(c, null, text(found.get(i).getMetadata().getFieldsMap(), "fileHash")));
        }
        return out;
    }

    @Override
    public List<Hit> keyword(String namespace, String query, int topK, Filter filter) {
        return queries.keyword(namespace, generations.state(namespace), query, topK, filter);
    }

    @Override
    public List<Hit> vector(String namespace, float[] query, int topK, Filter filter) {
        return queries.vector(namespace, generations.state(namespace), query, topK, filter);
    }

    /** Ids only: without a glob to finish client-side, Pinecone sends no metadata at all. */
    @Override
    public List<Ref> keywordRefs(String namespace, String query, int topK, Filter filter) {
        return queries.keywordRefs(namespace, generations.state(namespace), query, topK, filter);
    }

    @Override
    public List<Ref> vectorRefs(String namespace, float[] query, int topK, Filter filter) {
        return queries.vectorRefs(namespace, generations.state(namespace), query, topK, filter);
    }

    @Override
    public long count(String namespace) {
        return generations.state(namespace).chunks();
    }

    @Override
    public void close() {
        data.close();
    }
}
