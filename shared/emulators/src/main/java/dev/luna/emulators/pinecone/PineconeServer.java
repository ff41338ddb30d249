package dev.luna.emulators.pinecone;

import com.sun.net.httpserver.HttpServer;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * An in-memory stand-in for Pinecone, speaking the wire protocols of {@code io.pinecone:pinecone-client}: the control
 * plane as REST/JSON on {@link #controlUrl()}, and each index's data plane as gRPC ({@code VectorService}, plaintext
 * HTTP/2) on its own loopback port, reported as the index's {@code host}. Both check the API key ({@code Api-Key}
 * header, {@code api-key} gRPC metadata). Nothing is persisted.
 *
 * <pre>{@code
 * try (var pinecone = PineconeServer.start("test-key")) {
 *   pinecone.createIndex("luna", 384, "dotproduct");
 *   String host = pinecone.host("luna"); // 127.0.0.1:port
 * }
 * }</pre>
 */
public final class PineconeServer implements AutoCloseable {
  private record Served(PineconeIndex index, Server grpc, Faults faults) {
  }

  private static final Metadata.Key<String> API_KEY = Metadata.Key.of("api-key", Metadata.ASCII_STRING_MARSHALLER);
  private final String apiKey;
  private final HttpServer http;
  private final ExecutorService httpExecutor;
  private final Map<String, Served> indexes = new LinkedHashMap<>();

  private PineconeServer(String apiKey) throws IOException {
    this.apiKey = apiKey;
    this.http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    this.httpExecutor = Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "pinecone-control");
      t.setDaemon(true);
      return t;
    });
    var control = new ControlPlane(this);
    http.createContext("/", control::handle);
    http.setExecutor(httpExecutor);
    http.start();
  }

  /** Starts the control plane; {@code apiKey} null accepts any non-blank key. */
  public static PineconeServer start(String apiKey) {
    try {
      return new PineconeServer(apiKey);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Base URL of the control plane (what {@code Pinecone.Builder.withHost} takes). */
  public URI controlUrl() {
    return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
  }

  boolean accepts(String key) {
    if (key == null || key.isBlank()) return false;
    return apiKey == null || apiKey.equals(key);
  }

  /** Creates a serverless dense index with its data-plane server; false if the name is taken. */
  public boolean createIndex(String name, int dimension, String metric) {
    return createIndex(name, dimension, metric, "aws", "us-east-1", Map.of()) != null;
  }

  synchronized PineconeIndex createIndex(String name, int dimension, String metric, String cloud, String region, Map<String, String> tags) {
    if (indexes.containsKey(name)) return null;
    var index = new PineconeIndex(name, dimension, metric, cloud, region, Map.copyOf(tags));
    var faults = new Faults();
    ServerInterceptor auth = new ServerInterceptor() {
      @Override
      public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        if (!accepts(headers.get(API_KEY))) {
          call.close(Status.UNAUTHENTICATED.withDescription("Invalid API key"), new Metadata());
          return new ServerCall.Listener<>() {
          };
        }
        return next.startCall(call, headers);
      }
    };
    try {
      Server grpc = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
          .addService(ServerInterceptors.intercept(new VectorService(index, faults), auth))
          .maxInboundMessageSize(64 * 1024 * 1024)
          .build().start();
      indexes.put(name, new Served(index, grpc, faults));
      return index;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  synchronized PineconeIndex index(String name) {
    var s = indexes.get(name);
    return s == null ? null : s.index();
  }

  synchronized List<PineconeIndex> indexes() {
    var out = new ArrayList<PineconeIndex>();
    for (var s : indexes.values()) out.add(s.index());
    return out;
  }

  synchronized void deleteIndex(String name) {
    var s = indexes.remove(name);
    if (s != null) s.grpc().shutdownNow();
  }

  /** The data-plane address of an index, {@code 127.0.0.1:port} (plaintext gRPC). */
  public synchronized String host(String name) {
    var s = indexes.get(name);
    if (s == null) throw new IllegalArgumentException("no index " + name);
    return "127.0.0.1:" + s.grpc().getPort();
  }

  /** How many records a namespace of an index holds (for tests of what callers leave behind). */
  public synchronized int vectorCount(String name, String namespace) {
    var s = indexes.get(name);
    if (s == null) throw new IllegalArgumentException("no index " + name);
    return s.index().namespaceCounts().getOrDefault(namespace, 0);
  }

  /** The ids of the records in a namespace of an index, in order (for tests of what callers leave behind). */
  public synchronized List<String> ids(String name, String namespace) {
    var s = indexes.get(name);
    if (s == null) throw new IllegalArgumentException("no index " + name);
    return s.index().list(namespace, "", null, Integer.MAX_VALUE);
  }

  /** Failure injection for an index's data plane. */
  public synchronized Faults faults(String name) {
    var s = indexes.get(name);
    if (s == null) throw new IllegalArgumentException("no index " + name);
    return s.faults();
  }

  @Override
  public synchronized void close() {
    for (var s : indexes.values()) s.grpc().shutdownNow();
    for (var s : indexes.values()) {
      try {
        s.grpc().awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    indexes.clear();
    http.stop(0);
    httpExecutor.shutdownNow();
  }
}
