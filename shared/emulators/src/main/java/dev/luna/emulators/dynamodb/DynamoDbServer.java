package dev.luna.emulators.dynamodb;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An embedded, in-process server speaking the DynamoDB JSON wire protocol, for local runs and tests.
 * Point an AWS SDK {@code DynamoDbClient} at {@link #endpoint()} with any credentials.
 *
 * <pre>{@code
 * try (DynamoDbServer server = DynamoDbServer.builder().dataDirectory(dir).start()) {
 *   DynamoDbClient client = DynamoDbClient.builder().endpointOverride(server.endpoint())...build();
 * }
 * }</pre>
 */
public final class DynamoDbServer implements AutoCloseable {
  static {
    // The JDK server writes headers and body separately; without TCP_NODELAY, Nagle's algorithm and
    // delayed ACKs can add ~40 ms to a response. Must be set before the JDK server classes load.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final TableCatalog catalog;
  private final URI endpoint;
  private final RequestCounts counts;
  private boolean closed;

  private DynamoDbServer(HttpServer server, ExecutorService executor, TableCatalog catalog, URI endpoint, RequestCounts counts) {
    this.counts = counts;
    this.server = server;
    this.executor = executor;
    this.catalog = catalog;
    this.endpoint = endpoint;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Configures and starts a {@link DynamoDbServer}. */
  public static final class Builder {
    private int port;
    private String host = "127.0.0.1";
    private Path dataDirectory;

    private Builder() {}

    /** The port to listen on; 0 (the default) picks a free ephemeral port. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port out of range: " + port);
      }
      this.port = port;
      return this;
    }

    /** The address to bind; default 127.0.0.1. */
    public Builder host(String host) {
      this.host = host;
      return this;
    }

    /** Where to persist tables and items; null (the default) keeps everything in memory only. */
    public Builder dataDirectory(Path dir) {
      this.dataDirectory = dir;
      return this;
    }

    /** Loads any persisted tables, binds the port and starts serving. */
    public DynamoDbServer start() {
      TableCatalog catalog = new TableCatalog(dataDirectory);
      HttpServer server;
      try {
        server = HttpServer.create(new InetSocketAddress(host, port), 1024);
      } catch (BindException e) {
        catalog.close();
        throw new UncheckedIOException("DynamoDB emulator cannot listen on " + host + ":" + port
            + " - the port is already in use (or the address is not local)", e);
      } catch (IOException e) {
        catalog.close();
        throw new UncheckedIOException("DynamoDB emulator cannot listen on " + host + ":" + port, e);
      }
      ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
      server.setExecutor(executor);
      RequestCounts counts = new RequestCounts();
      server.createContext("/", new DynamoDbHttpHandler(new DynamoDbService(catalog), counts));
      server.start();
      int boundPort = server.getAddress().getPort();
      String uriHost = host.contains(":") ? "[" + host + "]" : host;
      return new DynamoDbServer(server, executor, catalog, URI.create("http://" + uriHost + ":" + boundPort), counts);
    }
  }

  /** The base URI to use as the SDK's endpoint override, e.g. {@code http://127.0.0.1:54321}. */
  /**
   * How many requests named a table whose name ends with {@code tableSuffix} so far (a batch or transaction counts
   * once per table it names): lets tests measure the store calls an operation makes.
   */
  public long requestsTo(String tableSuffix) {
    return counts.to(tableSuffix);
  }

  public URI endpoint() {
    return endpoint;
  }

  public int port() {
    return endpoint.getPort();
  }

  /** Stops serving and closes the table logs. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    server.stop(0);
    executor.shutdownNow();
    catalog.close();
  }
}
