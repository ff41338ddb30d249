package dev.luna.rag;

import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.pinecone.clients.Pinecone;
import io.pinecone.configs.PineconeConfig;
import io.pinecone.configs.PineconeConnection;
import io.pinecone.exceptions.PineconeAlreadyExistsException;
import io.pinecone.exceptions.PineconeNotFoundException;
import io.pinecone.proto.DeleteRequest;
import io.pinecone.proto.DescribeIndexStatsRequest;
import io.pinecone.proto.FetchByMetadataRequest;
import io.pinecone.proto.FetchRequest;
import io.pinecone.proto.QueryRequest;
import io.pinecone.proto.ScoredVector;
import io.pinecone.proto.SparseValues;
import io.pinecone.proto.UpdateRequest;
import io.pinecone.proto.UpsertRequest;
import io.pinecone.proto.Vector;
import io.pinecone.proto.VectorServiceGrpc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

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
 * record per file holds its hash, and one state record ({@value #STATE_ID}) holds the committed generation and the
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
 * (k1 1.2, b 0.75; symbol terms weigh 2, path terms 0.5, as in {@link LuceneStore}) with the namespace's running
 * average chunk length; query weights are BM25's IDF, from document frequencies Pinecone does not keep, so this store
 * keeps them: one {@code kind=term} record per term index with its {@code df}, adjusted after every write (outside
 * the generation scheme: a failure there only skews weights until the terms are written again).
 */
public final class PineconeStore implements VectorStore {
    /** How to reach the index. {@code host}: the data-plane host (blank: asked from the control plane by index name). */
    public record Settings(String apiKey, String indexName, String host, String controlUrl, boolean createIfMissing, String cloud,
                           String region, int dimension) {
    }

    static final String STATE_ID = "__luna_state";
    static final double OPEN = 9.0e15;
    static final int MAX_BATCH_VECTORS = 100;
    static final int MAX_BATCH_BYTES = 1_500_000;
    static final int PART_BYTES = 30_000; // as JSON; the rest of a record's metadata fits in the other 10 KB of Pinecone's 40
    static final int MAX_SPARSE = 1000;
    static final int MAX_TOP_K = 1000;
    static final int PAGE = 100;
    static final int IN_BATCH = 1000;
    static final double K1 = 1.2, B = 0.75, DEFAULT_AVGDL = 100;
    static final double MIN_KEYWORD_SCORE = 1e-6;
    static final long CALL_TIMEOUT_SECONDS = 20;
    private static final String KIND = "kind", CHUNK = "chunk", PART = "part", FILE = "file", STATE = "state", TERM = "term", FROM = "from",
            UNTIL = "until";

    private final ManagedChannel channel;
    private final PineconeConnection connection;
    private final VectorServiceGrpc.VectorServiceBlockingStub stub;
    private final int dimension;
    private final IdentifierAnalyzer analyzer = new IdentifierAnalyzer(true);
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    /** Connects (asking the control plane for the host if none is given, creating the index if asked) and checks the index. */
    public static PineconeStore connect(Settings s) {
        if (s.apiKey() == null || s.apiKey().isBlank()) throw new IllegalStateException("Pinecone needs an API key (PINECONE_API_KEY)");
        if (s.indexName() == null || s.indexName().isBlank()) throw new IllegalStateException("Pinecone needs an index name (LUNA_PINECONE_INDEX)");
        String host = s.host() == null || s.host().isBlank() ? resolveHost(s) : s.host();
        return new PineconeStore(s.apiKey(), host, s.dimension());
    }

    /** Describes the index through the control plane (creating it first when missing and allowed) and returns its host. */
    static String resolveHost(Settings s) {
        var builder = new Pinecone.Builder(s.apiKey()).withSourceTag("luna");
        if (s.controlUrl() != null && !s.controlUrl().isBlank()) builder.withHost(s.controlUrl());
        Pinecone control = builder.build();
        var model = describeOrCreate(control, s);
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (model.getStatus() == null || !Boolean.TRUE.equals(model.getStatus().getReady())) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("Pinecone index " + s.indexName() + " is not ready after 3 minutes");
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for Pinecone index " + s.indexName());
            }
            model = control.describeIndex(s.indexName());
        }
        if (model.getDimension() != null && model.getDimension() != s.dimension()) {
            throw new IllegalStateException("Pinecone index " + s.indexName() + " has dimension " + model.getDimension() + ", the embedder " + s.dimension());
        }
        if (!"dotproduct".equals(model.getMetric())) {
            throw new IllegalStateException("Pinecone index " + s.indexName() + " uses metric " + model.getMetric() + "; hybrid (sparse-dense) search needs dotproduct");
        }
        return model.getHost();
    }

    private static org.openapitools.db_control.client.model.IndexModel describeOrCreate(Pinecone control, Settings s) {
        try {
            return control.describeIndex(s.indexName());
        } catch (PineconeNotFoundException e) {
            if (!s.createIfMissing()) {
                throw new IllegalStateException("Pinecone index " + s.indexName() + " does not exist: create it (serverless, dimension "
                        + s.dimension() + ", metric dotproduct) or set LUNA_PINECONE_CREATE_INDEX=true", e);
            }
            try {
                return control.createServerlessIndex(s.indexName(), "dotproduct", s.dimension(), s.cloud(), s.region(), "disabled",
                        Map.of("app", "luna"));
            } catch (PineconeAlreadyExistsException raced) {
                return control.describeIndex(s.indexName());
            }
        }
    }

    /**
     * @param host the index's data-plane host: {@code name-xyz.svc.region.pinecone.io} (TLS on 443), {@code host:port};
     *             {@code http://} forces plaintext, {@code https://} TLS, and a loopback host without scheme is plaintext
     */
    public PineconeStore(String apiKey, String host, int dimension) {
        this.dimension = dimension;
        boolean tls;
        String target = host.trim();
        if (target.startsWith("http://")) {
            target = target.substring(7);
            tls = false;
        } else if (target.startsWith("https://")) {
            target = target.substring(8);
            tls = true;
        } else {
            tls = !isLoopback(target);
        }
        if (target.endsWith("/")) target = target.substring(0, target.length() - 1);
        if (!target.contains(":")) target = target + ":443";
        var cb = NettyChannelBuilder.forTarget(target).maxInboundMessageSize(64_000_000).keepAliveTime(5, java.util.concurrent.TimeUnit.MINUTES);
        if (tls) cb.useTransportSecurity();
        else cb.usePlaintext();
        this.channel = cb.build();
        var config = new PineconeConfig(apiKey, "luna");
        config.setHost(target);
        config.setTLSEnabled(tls);
        config.setCustomManagedChannel(channel);
        this.connection = new PineconeConnection(config);
        this.stub = connection.getBlockingStub();
        var stats = call("describeIndexStats", () -> rpc().describeIndexStats(DescribeIndexStatsRequest.getDefaultInstance()));
        if (stats.hasDimension() && stats.getDimension() != dimension) {
            close();
            throw new IllegalStateException("the Pinecone index at " + host + " has dimension " + stats.getDimension() + ", the embedder " + dimension);
        }
        if (stats.hasMetric() && !stats.getMetric().isEmpty() && !"dotproduct".equalsIgnoreCase(stats.getMetric())) {
            close();
            throw new IllegalStateException("the Pinecone index at " + host + " uses metric " + stats.getMetric() + "; hybrid search needs dotproduct");
        }
    }

    private static boolean isLoopback(String hostPort) {
        String h = hostPort.contains(":") ? hostPort.substring(0, hostPort.lastIndexOf(':')) : hostPort;
        if (h.equals("localhost")) return true;
        if (!h.matches("[0-9.]+")) return false;
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }

    /** The client's stub with a deadline per call, so a Pinecone that stops answering fails the call instead of hanging it. */
    private VectorServiceGrpc.VectorServiceBlockingStub rpc() {
        return stub.withDeadlineAfter(CALL_TIMEOUT_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
    }

    private static <T> T call(String op, Supplier<T> rpc) {
        try {
            return rpc.get();
        } catch (StatusRuntimeException e) {
            throw new PineconeFailure(op, e);
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

    // ---- state

    record State(long committed, long chunks, double avgdl) {
        static final State EMPTY = new State(0, 0, DEFAULT_AVGDL);
    }

    private State state(String ns) {
        var r = call("fetch", () -> rpc().fetch(FetchRequest.newBuilder().setNamespace(ns).addIds(STATE_ID).build()));
        Vector v = r.getVectorsMap().get(STATE_ID);
        if (v == null) return State.EMPTY;
        var m = v.getMetadata().getFieldsMap();
        return new State((long) num(m, "committed"), (long) num(m, "chunks"), m.containsKey("avgdl") ? num(m, "avgdl") : DEFAULT_AVGDL);
    }

    private void commit(String ns, State s) {
        var meta = Struct.newBuilder().putFields(KIND, str(STATE)).putFields("committed", num(s.committed())).putFields("chunks", num(s.chunks()))
                .putFields("avgdl", num(s.avgdl())).build();
        var v = Vector.newBuilder().setId(STATE_ID).addAllValues(unit()).setMetadata(meta).build();
        call("upsert", () -> rpc().upsert(UpsertRequest.newBuilder().setNamespace(ns).addVectors(v).build()));
    }

    /** Undoes what a failed or interrupted write of a generation after {@code s} left behind. */
    private void recover(String ns, State s) {
        long g = s.committed();
        try {
            deleteWhere(ns, obj(FROM, obj("$gt", num(g))));
            call("update", () -> rpc().update(UpdateRequest.newBuilder().setNamespace(ns)
                    .setFilter(obj(UNTIL, Struct.newBuilder().putFields("$gt", num(g)).putFields("$lt", num(OPEN)).build()))
                    .setSetMetadata(Struct.newBuilder().putFields(UNTIL, num(OPEN))).build()));
        } catch (PineconeFailure e) {
            if (e.code() != Status.Code.NOT_FOUND) throw e; // a namespace that does not exist yet holds nothing to undo
        }
    }

    /** Deletes records superseded before generation {@code g} (readers of g still see theirs). Best effort. */
    private void collect(String ns, long g) {
        try {
            deleteWhere(ns, obj(UNTIL, obj("$lt", num(g))));
        } catch (PineconeFailure e) {
            // left for the next write
        }
    }

    private void deleteWhere(String ns, Struct filter) {
        call("delete", () -> rpc().delete(DeleteRequest.newBuilder().setNamespace(ns).setFilter(filter).build()));
    }

    private int supersede(String ns, Struct filter, long g) {
        var r = call("update", () -> rpc().update(UpdateRequest.newBuilder().setNamespace(ns).setFilter(filter)
                .setSetMetadata(Struct.newBuilder().putFields(UNTIL, num(g))).build()));
        return r.hasMatchedRecords() ? r.getMatchedRecords() : 0;
    }

    private Object lock(String ns) {
        return locks.computeIfAbsent(ns, n -> new Object());
    }

    // ---- writes

    @Override
    public void apply(String namespace, Collection<String> replacePaths, List<Entry> entries, Collection<String> deletePaths) {
        for (Entry e : entries) validate(e);
        synchronized (lock(namespace)) {
            State s = state(namespace);
            recover(namespace, s);
            var paths = new LinkedHashSet<String>(replacePaths);
            paths.addAll(deletePaths);
            write(namespace, s, g -> {
                var vectors = new ArrayList<Vector>();
                var fileHashes = new LinkedHashMap<String, String>();
                double avgdl = s.avgdl();
                long tokens = 0;
                for (Entry e : entries) {
                    vectors.addAll(records(e, g, avgdl));
                    fileHashes.put(e.chunk().path(), e.fileHash() == null ? "" : e.fileHash());
                    tokens += terms(e.chunk().content()).size();
                }
                for (var f : fileHashes.entrySet()) vectors.add(fileRecord(f.getKey(), f.getValue(), g));
                upsert(namespace, vectors);
                var removed = new ArrayList<Vector>();
                var list = new ArrayList<>(paths);
                for (int i = 0; i < list.size(); i += IN_BATCH) {
                    var batch = list.subList(i, Math.min(list.size(), i + IN_BATCH));
                    var in = obj("$in", strings(batch));
                    var replaced = and(obj("path", in), obj(KIND, str(CHUNK)), committed(s.committed()));
                    removed.addAll(selectAll(namespace, replaced));
                    supersede(namespace, replaced, g);
                    supersede(namespace, and(obj("path", in), obj(KIND, obj("$in", strings(List.of(PART, FILE)))), committed(s.committed())), g);
                }
                long chunks = Math.max(0, s.chunks() - removed.size() + entries.size());
                double newAvg = entries.isEmpty() ? avgdl : (avgdl * s.chunks() + tokens) / Math.max(1, s.chunks() + entries.size());
                commit(namespace, new State(g, chunks, newAvg));
                return termDelta(vectors, removed);
            });
        }
    }

    @Override
    public void put(String namespace, Entry entry) {
        validate(entry);
        synchronized (lock(namespace)) {
            State s = state(namespace);
            recover(namespace, s);
            write(namespace, s, g -> {
                var old = selectAll(namespace, and(obj(KIND, str(CHUNK)), obj(CHUNK, str(entry.chunk().id())), committed(s.committed())));
                var vectors = new ArrayList<>(records(entry, g, s.avgdl()));
                vectors.add(fileRecord(entry.chunk().path(), entry.fileHash() == null ? "" : entry.fileHash(), g));
                upsert(namespace, vectors);
                supersede(namespace, and(obj(CHUNK, str(entry.chunk().id())), committed(s.committed())), g);
                supersede(namespace, and(obj("path", str(entry.chunk().path())), obj(KIND, str(FILE)), committed(s.committed())), g);
                commit(namespace, new State(g, s.chunks() + (old.isEmpty() ? 1 : 0), s.avgdl()));
                return termDelta(vectors, old);
            });
        }
    }

    @Override
    public boolean delete(String namespace, String chunkId) {
        synchronized (lock(namespace)) {
            State s = state(namespace);
            if (s.committed() == 0) return false;
            recover(namespace, s);
            var old = selectAll(namespace, and(obj(KIND, str(CHUNK)), obj(CHUNK, str(chunkId)), committed(s.committed())));
            if (old.isEmpty()) return false;
            write(namespace, s, g -> {
                supersede(namespace, and(obj(CHUNK, str(chunkId)), committed(s.committed())), g);
                commit(namespace, new State(g, Math.max(0, s.chunks() - 1), s.avgdl()));
                return termDelta(List.of(), old);
            });
            return true;
        }
    }

    /**
     * One write, of generation {@code s.committed() + 1}: {@code body} writes and commits it and answers the changes
     * of the term counts; should it fail, what it wrote is cleaned up before the failure is thrown. Then the term
     * counts are adjusted and the generation it replaced is collected.
     */
    private void write(String namespace, State s, java.util.function.LongFunction<Map<Integer, Integer>> body) {
        long g = s.committed() + 1;
        Map<Integer, Integer> terms;
        try {
            terms = body.apply(g);
        } catch (RuntimeException e) {
            try {
                recover(namespace, s);
            } catch (RuntimeException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
        countTerms(namespace, terms);
        collect(namespace, g);
    }

    private void validate(Entry e) {
        if (e.vector() == null) throw new IllegalArgumentException("chunk " + e.chunk().id() + " has no vector");
        if (e.vector().length != dimension) {
            throw new IllegalArgumentException("chunk " + e.chunk().id() + " has a vector of dimension " + e.vector().length + ", the index " + dimension);
        }
        for (float f : e.vector()) if (!Float.isFinite(f)) throw new IllegalArgumentException("chunk " + e.chunk().id() + " has a vector with a value that is not finite");
    }

    private void upsert(String ns, List<Vector> vectors) {
        var batch = UpsertRequest.newBuilder().setNamespace(ns);
        int bytes = 0;
        for (Vector v : vectors) {
            int size = v.getSerializedSize();
            if (batch.getVectorsCount() > 0 && (batch.getVectorsCount() == MAX_BATCH_VECTORS || bytes + size > MAX_BATCH_BYTES)) {
                var request = batch.build();
                call("upsert", () -> rpc().upsert(request));
                batch = UpsertRequest.newBuilder().setNamespace(ns);
                bytes = 0;
            }
            batch.addVectors(v);
            bytes += size;
        }
        if (batch.getVectorsCount() > 0) {
            var request = batch.build();
            call("upsert", () -> rpc().upsert(request));
        }
    }

    /** The chunk's vector, plus continuation records when its content is too large for one record's metadata. */
    private List<Vector> records(Entry e, long g, double avgdl) {
        Chunk c = e.chunk();
        var parts = split(c.content());
        var meta = Struct.newBuilder()
                .putFields(KIND, str(CHUNK)).putFields(CHUNK, str(c.id())).putFields("path", str(c.path()))
                .putFields("depth", num(c.path().split("/", -1).length))
                .putFields("ext", str(ext(c.path()))).putFields("language", str(c.language())).putFields("ckind", str(c.kind()))
                .putFields("startLine", num(c.startLine())).putFields("endLine", num(c.endLine()))
                .putFields("contentHash", str(c.contentHash())).putFields("fileHash", str(e.fileHash() == null ? "" : e.fileHash()))
                .putFields("tokens", num(c.tokenCount())).putFields("content", str(parts.get(0))).putFields("parts", num(parts.size() - 1))
                .putFields(FROM, num(g)).putFields(UNTIL, num(OPEN));
        if (c.symbol() != null) meta.putFields("symbol", str(c.symbol())).putFields("symbols", strings(symbolPrefixes(c.symbol())));
        if (c.path().indexOf('/') > 0) meta.putFields("dirs", strings(dirs(c.path()))); // Pinecone metadata has no empty lists
        var out = new ArrayList<Vector>();
        var dense = floats(e.vector());
        var record = Vector.newBuilder().setId(c.id() + "#" + g).addAllValues(dense).setMetadata(meta);
        var sparse = documentSparse(c, avgdl);
        if (sparse.getIndicesCount() > 0) record.setSparseValues(sparse); // Pinecone refuses an empty sparse vector
        out.add(record.build());
        for (int i = 1; i < parts.size(); i++) {
            var pm = Struct.newBuilder().putFields(KIND, str(PART)).putFields(CHUNK, str(c.id())).putFields("path", str(c.path()))
                    .putFields("content", str(parts.get(i))).putFields(FROM, num(g)).putFields(UNTIL, num(OPEN));
            out.add(Vector.newBuilder().setId(c.id() + "#" + g + "#p" + i).addAllValues(dense).setMetadata(pm).build());
        }
        return out;
    }

    private Vector fileRecord(String path, String fileHash, long g) {
        var meta = Struct.newBuilder().putFields(KIND, str(FILE)).putFields("path", str(path)).putFields("fileHash", str(fileHash))
                .putFields(FROM, num(g)).putFields(UNTIL, num(OPEN));
        return Vector.newBuilder().setId("f#" + g + "#" + dev.luna.core.Hashes.sha256(path).substring(0, 32)).addAllValues(unit()).setMetadata(meta).build();
    }

    /** Content in pieces of at most {@link #PART_BYTES} bytes as JSON (UTF-8, escapes counted), never splitting a character. */
    static List<String> split(String content) {
        var out = new ArrayList<String>();
        int start = 0;
        while (true) {
            int bytes = 0, i = start;
            while (i < content.length()) {
                int cp = content.codePointAt(i);
                int n = switch (cp) {
                    case '"', '\\', '\n', '\r', '\t', '\b', '\f' -> 2;
                    case '<', '>', '&', '=', '\'' -> 6; // HTML-safe JSON writers escape these as six characters
                    default -> cp < 0x20 ? 6 : cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
                };
                if (bytes + n > PART_BYTES) break;
                bytes += n;
                i += Character.charCount(cp);
            }
            out.add(content.substring(start, i));
            if (i >= content.length()) return out;
            start = i;
        }
    }

    static List<String> dirs(String path) {
        var out = new ArrayList<String>();
        for (int i = path.indexOf('/'); i > 0; i = path.indexOf('/', i + 1)) out.add(path.substring(0, i));
        return out;
    }

    static String ext(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }

    static List<String> symbolPrefixes(String symbol) {
        var out = new ArrayList<String>();
        for (int i = symbol.indexOf('.'); i > 0; i = symbol.indexOf('.', i + 1)) out.add(symbol.substring(0, i));
        out.add(symbol);
        return out;
    }

    // ---- document frequencies (the IDF of keyword queries)

    /** Per sparse index: +1 for each chunk record written that has it, -1 for each chunk record replaced that had it. */
    private static Map<Integer, Integer> termDelta(List<Vector> written, List<Vector> replaced) {
        var delta = new HashMap<Integer, Integer>();
        for (Vector v : written) {
            if (!CHUNK.equals(text(v.getMetadata().getFieldsMap(), KIND))) continue;
            for (int i : v.getSparseValues().getIndicesList()) delta.merge(i, 1, Integer::sum);
        }
        for (Vector v : replaced) for (int i : v.getSparseValues().getIndicesList()) delta.merge(i, -1, Integer::sum);
        delta.values().removeIf(d -> d == 0);
        return delta;
    }

    private static String termId(int index) {
        return "t#" + Integer.toUnsignedString(index);
    }

    /**
     * Applies document-frequency changes to the namespace's term records ({@code t#<index>}, {@code kind=term},
     * {@code df}), after the generation flipped. They only weigh query terms: if this fails, the weights drift until
     * the terms are written again, the index itself stays correct.
     */
    private void countTerms(String ns, Map<Integer, Integer> delta) {
        if (delta.isEmpty()) return;
        try {
            var indexes = new ArrayList<>(delta.keySet());
            var df = documentFrequencies(ns, indexes);
            var upserts = new ArrayList<Vector>();
            var deletes = new ArrayList<String>();
            for (int i : indexes) {
                int n = df.getOrDefault(i, 0) + delta.get(i);
                if (n > 0) {
                    upserts.add(Vector.newBuilder().setId(termId(i)).addAllValues(unit())
                            .setMetadata(Struct.newBuilder().putFields(KIND, str(TERM)).putFields("df", num(n))).build());
                } else if (df.containsKey(i)) {
                    deletes.add(termId(i));
                }
            }
            upsert(ns, upserts);
            for (int i = 0; i < deletes.size(); i += IN_BATCH) {
                var batch = deletes.subList(i, Math.min(deletes.size(), i + IN_BATCH));
                call("delete", () -> rpc().delete(DeleteRequest.newBuilder().setNamespace(ns).addAllIds(batch).build()));
            }
        } catch (PineconeFailure e) {
            System.getLogger(PineconeStore.class.getName()).log(System.Logger.Level.WARNING,
                    "term statistics of namespace " + ns + " not updated; keyword weights drift until these terms are written again: " + e.getMessage());
        }
    }

    private Map<Integer, Integer> documentFrequencies(String ns, List<Integer> indexes) {
        var out = new HashMap<Integer, Integer>();
        for (int i = 0; i < indexes.size(); i += IN_BATCH) {
            var batch = indexes.subList(i, Math.min(indexes.size(), i + IN_BATCH)).stream().map(PineconeStore::termId).toList();
            var r = call("fetch", () -> rpc().fetch(FetchRequest.newBuilder().setNamespace(ns).addAllIds(batch).build()));
            for (var e : r.getVectorsMap().entrySet()) {
                out.put(Integer.parseUnsignedInt(e.getKey().substring(2)), (int) num(e.getValue().getMetadata().getFieldsMap(), "df"));
            }
        }
        return out;
    }

    // ---- sparse (keyword) vectors

    List<String> terms(String text) {
        var out = new ArrayList<String>();
        try (var ts = analyzer.tokenStream("content", text)) {
            var term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) out.add(term.toString());
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static int termIndex(String term) {
        var bytes = new BytesRef(term);
        return StringHelper.murmurhash3_x86_32(bytes, 0x4c756e61);
    }

    private SparseValues documentSparse(Chunk c, double avgdl) {
        var tf = new HashMap<String, Double>();
        var content = terms(c.content());
        for (String t : content) tf.merge(t, 1.0, Double::sum);
        if (c.symbol() != null) for (String t : terms(c.symbol())) tf.merge(t, 2.0, Double::sum);
        for (String t : terms(c.path())) tf.merge(t, 0.5, Double::sum);
        double norm = K1 * (1 - B + B * content.size() / Math.max(1.0, avgdl));
        var weights = new HashMap<Integer, Double>();
        for (var e : tf.entrySet()) {
            double w = e.getValue() * (K1 + 1) / (e.getValue() + norm);
            weights.merge(termIndex(e.getKey()), w, Double::sum);
        }
        return sparse(weights);
    }

    /** Each query term weighs its BM25 IDF, {@code ln(1 + (N - df + 0.5) / (df + 0.5))}; terms no chunk has are left out. */
    private SparseValues querySparse(String namespace, String query, State s) {
        var indexes = new ArrayList<Integer>();
        for (String t : new LinkedHashSet<>(terms(query))) {
            int i = termIndex(t);
            if (!indexes.contains(i)) indexes.add(i);
        }
        if (indexes.isEmpty()) return SparseValues.getDefaultInstance();
        var df = documentFrequencies(namespace, indexes);
        double n = Math.max(1, s.chunks());
        var weights = new HashMap<Integer, Double>();
        for (int i : indexes) {
            Integer d = df.get(i);
            if (d == null || d <= 0) continue;
            weights.put(i, Math.log(1 + (n - d + 0.5) / (d + 0.5)));
        }
        return sparse(weights);
    }

    private static SparseValues sparse(Map<Integer, Double> weights) {
        var entries = new ArrayList<>(weights.entrySet());
        if (entries.size() > MAX_SPARSE) {
            entries.sort(Map.Entry.<Integer, Double>comparingByValue().reversed());
            entries = new ArrayList<>(entries.subList(0, MAX_SPARSE));
        }
        entries.sort(Map.Entry.comparingByKey(Integer::compareUnsigned));
        var b = SparseValues.newBuilder();
        for (var e : entries) b.addIndices(e.getKey()).addValues(e.getValue().floatValue());
        return b.build();
    }

    // ---- reads

    @Override
    public Map<String, String> fileHashes(String namespace) {
        State s = state(namespace);
        var out = new HashMap<String, String>();
        if (s.committed() == 0) return out;
        for (Vector v : selectAll(namespace, and(obj(KIND, str(FILE)), live(s.committed())))) {
            var m = v.getMetadata().getFieldsMap();
            out.put(text(m, "path"), text(m, "fileHash"));
        }
        return out;
    }

    @Override
    public Optional<Entry> get(String namespace, String chunkId) {
        State s = state(namespace);
        var found = loadEntries(namespace, s, List.of(chunkId));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(chunkId));
    }

    @Override
    public Map<String, Chunk> load(String namespace, Collection<String> ids) {
        if (ids.isEmpty()) return Map.of();
        var out = new LinkedHashMap<String, Chunk>();
        for (var e : loadEntries(namespace, state(namespace), ids).entrySet()) out.put(e.getKey(), e.getValue().chunk());
        return out;
    }

    private Map<String, Entry> loadEntries(String namespace, State s, Collection<String> ids) {
        var out = new LinkedHashMap<String, Entry>();
        if (s.committed() == 0 || ids.isEmpty()) return out;
        var list = new ArrayList<>(new LinkedHashSet<>(ids));
        var found = new ArrayList<Vector>();
        for (int i = 0; i < list.size(); i += IN_BATCH) {
            var batch = list.subList(i, Math.min(list.size(), i + IN_BATCH));
            found.addAll(selectAll(namespace, and(obj(KIND, str(CHUNK)), obj(CHUNK, obj("$in", strings(batch))), live(s.committed()))));
        }
        var chunks = chunksOf(namespace, found.stream().map(Vector::getId).toList(), found.stream().map(Vector::getMetadata).toList());
        for (int i = 0; i < found.size(); i++) {
            Chunk c = chunks.get(i);
            out.put(c.id(), new Entry(c, null, text(found.get(i).getMetadata().getFieldsMap(), "fileHash")));
        }
        return out;
    }

    private List<Vector> selectAll(String namespace, Struct filter) {
        var out = new ArrayList<Vector>();
        String token = null;
        do {
            var b = FetchByMetadataRequest.newBuilder().setNamespace(namespace).setFilter(filter).setLimit(PAGE);
            if (token != null) b.setPaginationToken(token);
            var request = b.build();
            var r = call("fetchByMetadata", () -> rpc().fetchByMetadata(request));
            var page = new ArrayList<>(r.getVectorsMap().values());
            page.sort(java.util.Comparator.comparing(Vector::getId));
            out.addAll(page);
            token = r.hasPagination() && !r.getPagination().getNext().isEmpty() ? r.getPagination().getNext() : null;
        } while (token != null);
        return out;
    }

    /** Chunks from record metadata, fetching the continuation parts of any that have them. */
    private List<Chunk> chunksOf(String namespace, List<String> recordIds, List<Struct> metas) {
        var partIds = new ArrayList<String>();
        for (int i = 0; i < metas.size(); i++) {
            int parts = (int) num(metas.get(i).getFieldsMap(), "parts");
            for (int p = 1; p <= parts; p++) partIds.add(recordIds.get(i) + "#p" + p);
        }
        var partContent = new HashMap<String, String>();
        for (int i = 0; i < partIds.size(); i += PAGE) {
            var batch = partIds.subList(i, Math.min(partIds.size(), i + PAGE));
            var r = call("fetch", () -> rpc().fetch(FetchRequest.newBuilder().setNamespace(namespace).addAllIds(batch).build()));
            for (var e : r.getVectorsMap().entrySet()) partContent.put(e.getKey(), text(e.getValue().getMetadata().getFieldsMap(), "content"));
        }
        var out = new ArrayList<Chunk>(metas.size());
        for (int i = 0; i < metas.size(); i++) {
            var m = metas.get(i).getFieldsMap();
            var content = new StringBuilder(text(m, "content"));
            int parts = (int) num(m, "parts");
            for (int p = 1; p <= parts; p++) {
                String part = partContent.get(recordIds.get(i) + "#p" + p);
                if (part == null) throw new IllegalStateException("chunk " + text(m, CHUNK) + " misses its content part " + p);
                content.append(part);
            }
            out.add(new Chunk(text(m, CHUNK), text(m, "path"), text(m, "language"), m.containsKey("symbol") ? text(m, "symbol") : null,
                    text(m, "ckind"), (int) num(m, "startLine"), (int) num(m, "endLine"), content.toString(), text(m, "contentHash"),
                    (int) num(m, "tokens")));
        }
        return out;
    }

    @Override
    public List<Hit> keyword(String namespace, String query, int topK, Filter filter) {
        State s = state(namespace);
        if (s.committed() == 0) return List.of();
        var sparse = querySparse(namespace, query, s);
        if (sparse.getIndicesCount() == 0) return List.of();
        return hits(namespace, matches(namespace, s, epsilon(), sparse, topK, filter, true, true));
    }

    @Override
    public List<Hit> vector(String namespace, float[] query, int topK, Filter filter) {
        var dense = dense(query);
        return hits(namespace, matches(namespace, state(namespace), dense, null, topK, filter, false, true));
    }

    /** Ids only: without a glob to finish client-side, Pinecone sends no metadata at all. */
    @Override
    public List<Ref> keywordRefs(String namespace, String query, int topK, Filter filter) {
        State s = state(namespace);
        if (s.committed() == 0) return List.of();
        var sparse = querySparse(namespace, query, s);
        if (sparse.getIndicesCount() == 0) return List.of();
        return refs(matches(namespace, s, epsilon(), sparse, topK, filter, true, false));
    }

    @Override
    public List<Ref> vectorRefs(String namespace, float[] query, int topK, Filter filter) {
        var dense = dense(query);
        return refs(matches(namespace, state(namespace), dense, null, topK, filter, false, false));
    }

    private List<Float> dense(float[] query) {
        if (query.length != dimension) throw new IllegalArgumentException("query vector of dimension " + query.length + ", the index " + dimension);
        return floats(query);
    }

    /** The dense part of a keyword query: Pinecone wants one; this one adds at most 1e-30 to a score. */
    private List<Float> epsilon() {
        var out = new ArrayList<Float>(dimension);
        for (int i = 0; i < dimension; i++) out.add(i == 0 ? 1e-30f : 0f);
        return out;
    }

    private static List<Ref> refs(List<ScoredVector> matches) {
        var out = new ArrayList<Ref>(matches.size());
        for (ScoredVector m : matches) out.add(new Ref(m.getId().substring(0, m.getId().lastIndexOf('#')), m.getScore()));
        return out;
    }

    private List<Hit> hits(String namespace, List<ScoredVector> kept) {
        var chunks = chunksOf(namespace, kept.stream().map(ScoredVector::getId).toList(), kept.stream().map(ScoredVector::getMetadata).toList());
        var out = new ArrayList<Hit>(kept.size());
        for (int i = 0; i < kept.size(); i++) out.add(new Hit(chunks.get(i), kept.get(i).getScore()));
        return out;
    }

    /** The live chunk records ranked by Pinecone, filtered, globs finished, at most topK. */
    private List<ScoredVector> matches(String namespace, State s, List<Float> dense, SparseValues sparse, int topK, Filter filter,
                                       boolean keyword, boolean withMetadata) {
        if (s.committed() == 0 || topK < 1) return List.of();
        var glob = filter == null ? Glob.NONE : Glob.of(filter.pathGlob());
        var conditions = new ArrayList<Struct>();
        conditions.add(obj(KIND, str(CHUNK)));
        conditions.add(live(s.committed()));
        if (filter != null && filter.language() != null) conditions.add(obj("language", str(filter.language())));
        if (filter != null && filter.symbol() != null) conditions.add(obj("symbols", obj("$in", strings(List.of(filter.symbol())))));
        conditions.addAll(glob.server());
        int k = glob.exact() ? Math.min(topK, MAX_TOP_K) : Math.min(MAX_TOP_K, Math.max(topK * 5, 100));
        var q = QueryRequest.newBuilder().setNamespace(namespace).setTopK(k).addAllVector(dense).setFilter(and(conditions.toArray(Struct[]::new)))
                .setIncludeMetadata(withMetadata || !glob.exact()).setIncludeValues(false);
        if (sparse != null) q.setSparseVector(sparse);
        var request = q.build();
        var kept = new ArrayList<ScoredVector>();
        for (ScoredVector m : call("query", () -> rpc().query(request)).getMatchesList()) {
            if (keyword && m.getScore() < MIN_KEYWORD_SCORE) continue;
            if (!glob.exact() && !glob.matches(text(m.getMetadata().getFieldsMap(), "path"))) continue;
            kept.add(m);
            if (kept.size() == topK) break;
        }
        return kept;
    }

    @Override
    public long count(String namespace) {
        return state(namespace).chunks();
    }

    @Override
    public void close() {
        connection.close();
    }

    // ---- path globs

    /** A glob as Pinecone conditions on the stored dirs/depth/ext/path, and whether those alone decide it. */
    record Glob(List<Struct> server, Pattern pattern, boolean exact) {
        static final Glob NONE = new Glob(List.of(), null, true);

        boolean matches(String path) {
            return pattern == null || pattern.matcher(path).matches();
        }

        static Glob of(String glob) {
            if (glob == null) return NONE;
            var pattern = Pattern.compile(LuceneStore.globToRegexp(glob));
            String[] segs = glob.split("/", -1);
            int literal = 0;
            while (literal < segs.length && !wild(segs[literal])) literal++;
            if (literal == segs.length) return new Glob(List.of(obj("path", str(glob))), pattern, true);
            var server = new ArrayList<Struct>();
            if (literal > 0) server.add(obj("dirs", obj("$in", strings(List.of(String.join("/", java.util.Arrays.copyOf(segs, literal)))))));
            var rest = java.util.Arrays.asList(segs).subList(literal, segs.length);
            String last = rest.get(rest.size() - 1);
            boolean extOnly = last.matches("\\*\\.[A-Za-z0-9_+-]+");
            boolean exact;
            if (rest.size() == 1 && !last.contains("**")) {
                server.add(obj("depth", num(segs.length)));
                if (extOnly) server.add(obj("ext", str(last.substring(2))));
                exact = last.equals("*") || extOnly;
            } else if (rest.size() == 1) {
                exact = last.equals("**");
            } else if (rest.size() == 2 && rest.get(0).equals("**") && !last.contains("**")) {
                if (extOnly) server.add(obj("ext", str(last.substring(2))));
                exact = last.equals("*") || extOnly;
            } else {
                exact = false;
            }
            return new Glob(server, pattern, exact);
        }

        private static boolean wild(String seg) {
            return seg.indexOf('*') >= 0 || seg.indexOf('?') >= 0;
        }
    }

    // ---- struct helpers

    private static Struct live(long g) {
        return and(obj(FROM, obj("$lte", num(g))), obj(UNTIL, obj("$gt", num(g))));
    }

    /** Records committed at or before generation g and still open (the ones a write of g+1 may supersede). */
    private static Struct committed(long g) {
        return and(obj(FROM, obj("$lte", num(g))), obj(UNTIL, obj("$gte", num(OPEN))));
    }

    private static Struct and(Struct... parts) {
        var list = ListValue.newBuilder();
        for (Struct p : parts) list.addValues(Value.newBuilder().setStructValue(p));
        return Struct.newBuilder().putFields("$and", Value.newBuilder().setListValue(list).build()).build();
    }

    private static Struct obj(String key, Value value) {
        return Struct.newBuilder().putFields(key, value).build();
    }

    private static Struct obj(String key, Struct value) {
        return obj(key, Value.newBuilder().setStructValue(value).build());
    }

    private static Value str(String s) {
        return Value.newBuilder().setStringValue(s).build();
    }

    private static Value num(double d) {
        return Value.newBuilder().setNumberValue(d).build();
    }

    private static Value strings(List<String> values) {
        var list = ListValue.newBuilder();
        for (String v : values) list.addValues(str(v));
        return Value.newBuilder().setListValue(list).build();
    }

    private static double num(Map<String, Value> m, String key) {
        Value v = m.get(key);
        return v == null ? 0 : v.getNumberValue();
    }

    private static String text(Map<String, Value> m, String key) {
        Value v = m.get(key);
        return v == null ? "" : v.getStringValue();
    }

    private static List<Float> floats(float[] v) {
        var out = new ArrayList<Float>(v.length);
        for (float f : v) out.add(f);
        return out;
    }

    private List<Float> unit() {
        var out = new ArrayList<Float>(dimension);
        for (int i = 0; i < dimension; i++) out.add(i == 0 ? 1f : 0f);
        return out;
    }
}
