package dev.luna.rag;

import dev.luna.core.Hashes;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Two caches in front of an {@link Embedder}: document embeddings keyed by the SHA-256 of the text (and the model),
 * persisted as an append-only file so a restart re-embeds nothing it has seen; and an LRU of query embeddings. Both
 * report hits and misses.
 */
public final class CachingEmbedder implements Embedder {
    private final Embedder delegate;
    private final Map<String, float[]> documents = new ConcurrentHashMap<>();
    private final Map<String, float[]> queries;
    private final Path file;
    private final AtomicLong docHits = new AtomicLong();
    private final AtomicLong docMisses = new AtomicLong();
    private final AtomicLong queryHits = new AtomicLong();
    private final AtomicLong queryMisses = new AtomicLong();

    public record Stats(long documentHits, long documentMisses, long queryHits, long queryMisses, int documentEntries, int queryEntries) {
        public double documentHitRate() {
            return rate(documentHits, documentMisses);
        }

        public double queryHitRate() {
            return rate(queryHits, queryMisses);
        }

        private static double rate(long h, long m) {
            return h + m == 0 ? 0 : (double) h / (h + m);
        }
    }

    /** @param file where document embeddings persist, or null for memory only */
    public CachingEmbedder(Embedder delegate, Path file, int maxQueries) {
        this.delegate = delegate;
        this.file = file;
        this.queries = java.util.Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > maxQueries;
            }
        });
        if (file != null) load();
    }

    @Override
    public String modelId() {
        return delegate.modelId();
    }

    @Override
    public int dimension() {
        return delegate.dimension();
    }

    public static String key(String text) {
        return Hashes.sha256(text);
    }

    /** Document embeddings, from the cache where possible; new ones are persisted. */
    @Override
    public List<float[]> embedAll(List<String> texts) {
        var out = new float[texts.size()][];
        var missingIdx = new ArrayList<Integer>();
        var missing = new ArrayList<String>();
        for (int i = 0; i < texts.size(); i++) {
            float[] v = documents.get(key(texts.get(i)));
            if (v != null) {
                out[i] = v;
                docHits.incrementAndGet();
            } else {
                missingIdx.add(i);
                missing.add(texts.get(i));
                docMisses.incrementAndGet();
            }
        }
        RagMetrics.cache(RagMetrics.DOCUMENT_CACHE, texts.size() - missing.size(), missing.size());
        if (!missing.isEmpty()) {
            var fresh = new ArrayList<float[]>();
            for (int from = 0; from < missing.size(); from += 32) {
                fresh.addAll(delegate.embedAll(missing.subList(from, Math.min(missing.size(), from + 32))));
            }
            var entries = new LinkedHashMap<String, float[]>();
            for (int k = 0; k < missing.size(); k++) {
                out[missingIdx.get(k)] = fresh.get(k);
                entries.put(key(missing.get(k)), fresh.get(k));
            }
            documents.putAll(entries);
            persist(entries);
        }
        return java.util.Arrays.asList(out);
    }

    /** A query embedding, from the query cache where possible. */
    @Override
    public float[] embedQuery(String query) {
        String k = key(query);
        float[] v = queries.get(k);
        RagMetrics.cache(RagMetrics.QUERY_CACHE, v != null ? 1 : 0, v != null ? 0 : 1);
        if (v != null) {
            queryHits.incrementAndGet();
            return v;
        }
        queryMisses.incrementAndGet();
        v = delegate.embedQuery(query);
        queries.put(k, v);
        return v;
    }

    /** Forgets a document embedding (its content was deleted or replaced). */
    public void invalidate(String contentHash) {
        documents.remove(contentHash);
    }

    public Stats stats() {
        return new Stats(docHits.get(), docMisses.get(), queryHits.get(), queryMisses.get(), documents.size(), queries.size());
    }

    private synchronized void persist(Map<String, float[]> entries) {
        if (file == null) return;
        try {
            Files.createDirectories(file.getParent());
            try (var out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND)))) {
                for (var e : entries.entrySet()) {
                    out.writeUTF(delegate.modelId() + ":" + e.getKey());
                    out.writeInt(e.getValue().length);
                    for (float f : e.getValue()) out.writeFloat(f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void load() {
        if (!Files.exists(file)) return;
        String prefix = delegate.modelId() + ":";
        try (var in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            while (true) {
                String k;
                try {
                    k = in.readUTF();
                } catch (EOFException e) {
                    break;
                }
                int n = in.readInt();
                float[] v = new float[n];
                for (int i = 0; i < n; i++) v[i] = in.readFloat();
                if (k.startsWith(prefix)) documents.put(k.substring(prefix.length()), v);
            }
        } catch (EOFException e) {
            // a torn last record from a crash: keep what was read
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
