package dev.luna.emulators;

import dev.luna.emulators.dynamodb.DynamoDbServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded AWS stand-ins, each on its own loopback port and reached over its real wire protocol:
 * our DynamoDB-compatible server, ElasticMQ (SQS) and S3Proxy (S3). With a data directory, DynamoDB items and
 * S3 objects persist under it; without one, everything is in memory.
 */
public final class Emulators implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Emulators.class);
    private final DynamoDbServer dynamo;
    private final SQSRestServer sqs;
    private final URI sqsEndpoint;
    private final S3Proxy s3;
    private final URI s3Endpoint;

    private Emulators(DynamoDbServer dynamo, SQSRestServer sqs, URI sqsEndpoint, S3Proxy s3, URI s3Endpoint) {
        this.dynamo = dynamo;
        this.sqs = sqs;
        this.sqsEndpoint = sqsEndpoint;
        this.s3 = s3;
        this.s3Endpoint = s3Endpoint;
    }

    /** Starts all three; {@code dataDirectory} null means in-memory. */
    public static Emulators start(Path dataDirectory) {
        long t0 = System.nanoTime();
        DynamoDbServer dynamo = null;
        SQSRestServer sqs = null;
        try {
            var dynamoBuilder = DynamoDbServer.builder();
            if (dataDirectory != null) dynamoBuilder.dataDirectory(dataDirectory.resolve("dynamodb"));
            dynamo = dynamoBuilder.start();

            sqs = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().withAWSRegion("us-east-1").start();
            int sqsPort = sqs.waitUntilStarted().localAddress().getPort();
            URI sqsEndpoint = URI.create("http://127.0.0.1:" + sqsPort);

            var blobStore = dataDirectory == null ? new TransientNio2BlobStore()
                    : new FilesystemNio2BlobStore(Files.createDirectories(dataDirectory.resolve("s3")).toString());
            URI s3Endpoint = URI.create("http://127.0.0.1:" + freePort());
            var s3 = S3Proxy.builder().blobStore(blobStore).endpoint(s3Endpoint)
                    .awsAuthentication(AuthenticationType.NONE, null, null).build();
            s3.start();
            while (!"STARTED".equals(s3.getState())) Thread.sleep(5);
            log.debug("emulators started in {} ms", (System.nanoTime() - t0) / 1_000_000);
            return new Emulators(dynamo, sqs, sqsEndpoint, s3, s3Endpoint);
        } catch (IOException e) {
            closeQuietly(dynamo, sqs);
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(dynamo, sqs);
            throw new IllegalStateException(e);
        } catch (Exception e) {
            closeQuietly(dynamo, sqs);
            throw e instanceof RuntimeException re ? re : new IllegalStateException("could not start S3Proxy", e);
        }
    }

    /** The DynamoDB emulator itself (its request counts). */
    public DynamoDbServer dynamo() {
        return dynamo;
    }

    public URI dynamoEndpoint() {
        return dynamo.endpoint();
    }

    public URI sqsEndpoint() {
        return sqsEndpoint;
    }

    public URI s3Endpoint() {
        return s3Endpoint;
    }

    @Override
    public void close() {
        try {
            s3.stop();
        } catch (Exception e) {
            log.warn("S3Proxy did not stop cleanly: {}", e.toString());
        }
        closeQuietly(dynamo, sqs);
    }

    private static void closeQuietly(DynamoDbServer dynamo, SQSRestServer sqs) {
        if (sqs != null) {
            try {
                sqs.stopAndWait();
            } catch (RuntimeException e) {
                log.warn("ElasticMQ did not stop cleanly: {}", e.toString());
            }
        }
        if (dynamo != null) dynamo.close();
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }
}
