package dev.luna.rag;

import io.pinecone.clients.Pinecone;
import io.pinecone.exceptions.PineconeAlreadyExistsException;
import io.pinecone.exceptions.PineconeNotFoundException;
import java.time.Duration;
import java.util.Map;
import org.openapitools.db_control.client.model.IndexModel;

/** Pinecone's control plane: finds an index's data-plane host, creating the index first when missing and allowed. */
final class PineconeControlPlane {
    private PineconeControlPlane() {
    }

    /** Describes the index (creating it first when missing and allowed), waits until it is ready, checks it and returns its host. */
    static String resolveHost(PineconeStore.Settings s) {
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

    private static IndexModel describeOrCreate(Pinecone control, PineconeStore.Settings s) {
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
}
