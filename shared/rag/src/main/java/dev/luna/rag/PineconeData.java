package dev.luna.rag;

import com.google.protobuf.Struct;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.pinecone.configs.PineconeConfig;
import io.pinecone.configs.PineconeConnection;
import io.pinecone.proto.DeleteRequest;
import io.pinecone.proto.DescribeIndexStatsRequest;
import io.pinecone.proto.DescribeIndexStatsResponse;
import io.pinecone.proto.FetchByMetadataRequest;
import io.pinecone.proto.FetchRequest;
import io.pinecone.proto.QueryRequest;
import io.pinecone.proto.ScoredVector;
import io.pinecone.proto.UpdateRequest;
import io.pinecone.proto.UpsertRequest;
import io.pinecone.proto.Vector;
import io.pinecone.proto.VectorServiceGrpc;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Pinecone's gRPC data plane for one index, through the client's own stub over a channel of ours: every call has a
 * deadline ({@value #CALL_TIMEOUT_SECONDS} s, so a Pinecone that stops answering fails the call instead of hanging
 * it) and fails as a {@link PineconeStore.PineconeFailure}; upserts go in batches within Pinecone's request limits,
 * and metadata selections are paged.
 */
final class PineconeData implements AutoCloseable {
    static final int MAX_BATCH_VECTORS = 100;
    static final int MAX_BATCH_BYTES = 1_500_000;
    static final int PAGE = 100;
    static final long CALL_TIMEOUT_SECONDS = 20;

    private final PineconeConnection connection;
    private final VectorServiceGrpc.VectorServiceBlockingStub stub;
    private final int dimension;

    /**
     * @param host the index's data-plane host: {@code name-xyz.svc.region.pinecone.io} (TLS on 443), {@code host:port};
     *             {@code http://} forces plaintext, {@code https://} TLS, and a loopback host without scheme is plaintext
     */
    PineconeData(String apiKey, String host, int dimension) {
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
        var cb = NettyChannelBuilder.forTarget(target).maxInboundMessageSize(64_000_000).keepAliveTime(5, TimeUnit.MINUTES);
        if (tls) cb.useTransportSecurity();
        else cb.usePlaintext();
        ManagedChannel channel = cb.build();
        var config = new PineconeConfig(apiKey, "luna");
        config.setHost(target);
        config.setTLSEnabled(tls);
        config.setCustomManagedChannel(channel);
        this.connection = new PineconeConnection(config);
        this.stub = connection.getBlockingStub();
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

    int dimension() {
        return dimension;
    }

    /** The client's stub with a deadline per call. */
    private VectorServiceGrpc.VectorServiceBlockingStub rpc() {
        return stub.withDeadlineAfter(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private static <T> T call(String op, Supplier<T> rpc) {
        try {
            return rpc.get();
        } catch (StatusRuntimeException e) {
            throw new PineconeStore.PineconeFailure(op, e);
        }
    }

    DescribeIndexStatsResponse stats() {
        return call("describeIndexStats", () -> rpc().describeIndexStats(DescribeIndexStatsRequest.getDefaultInstance()));
    }

    /** The records with these ids that exist, by id. */
    Map<String, Vector> fetch(String ns, List<String> ids) {
        return call("fetch", () -> rpc().fetch(FetchRequest.newBuilder().setNamespace(ns).addAllIds(ids).build())).getVectorsMap();
    }

    /** Upserts in batches of at most {@value #MAX_BATCH_VECTORS} vectors and {@value #MAX_BATCH_BYTES} bytes. */
    void upsert(String ns, List<Vector> vectors) {
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

    void deleteWhere(String ns, Struct filter) {
        call("delete", () -> rpc().delete(DeleteRequest.newBuilder().setNamespace(ns).setFilter(filter).build()));
    }

    void deleteIds(String ns, List<String> ids) {
        call("delete", () -> rpc().delete(DeleteRequest.newBuilder().setNamespace(ns).addAllIds(ids).build()));
    }

    /** Sets metadata on every record the filter matches; answers how many it matched. */
    int update(String ns, Struct filter, Struct setMetadata) {
        var r = call("update", () -> rpc().update(UpdateRequest.newBuilder().setNamespace(ns).setFilter(filter).setSetMetadata(setMetadata).build()));
        return r.hasMatchedRecords() ? r.getMatchedRecords() : 0;
    }

    /** Every record the filter matches, page by page (each page sorted by id). */
    List<Vector> selectAll(String ns, Struct filter) {
        var out = new ArrayList<Vector>();
        String token = null;
        do {
            var b = FetchByMetadataRequest.newBuilder().setNamespace(ns).setFilter(filter).setLimit(PAGE);
            if (token != null) b.setPaginationToken(token);
            var request = b.build();
            var r = call("fetchByMetadata", () -> rpc().fetchByMetadata(request));
            var page = new ArrayList<>(r.getVectorsMap().values());
            page.sort(Comparator.comparing(Vector::getId));
            out.addAll(page);
            token = r.hasPagination() && !r.getPagination().getNext().isEmpty() ? r.getPagination().getNext() : null;
        } while (token != null);
        return out;
    }

    List<ScoredVector> query(QueryRequest request) {
        return call("query", () -> rpc().query(request)).getMatchesList();
    }

    /** A vector of the index's dimension with one 1: what records that hold only metadata carry. */
    List<Float> unit() {
        var out = new ArrayList<Float>(dimension);
        for (int i = 0; i < dimension; i++) out.add(i == 0 ? 1f : 0f);
        return out;
    }

    @Override
    public void close() {
        connection.close();
    }
}
