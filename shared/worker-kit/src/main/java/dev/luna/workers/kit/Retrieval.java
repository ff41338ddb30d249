package dev.luna.workers.kit;

import dev.luna.codebase.secrets.SecretScanner;
import dev.luna.rag.Chunker;
import dev.luna.rag.LuceneStore;
import dev.luna.rag.VectorStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Retrieval over the task's own source, to ground a model's prompts: the checked-out text files chunked by the RAG
 * chunker (declarations kept whole) into an in-memory BM25 index (identifier-aware analysis: {@code parseHttpHeader}
 * matches "parse header"), built at the first query; plus the exact lines around a location. Keyword retrieval needs no
 * embedding model, so it costs well under a second per thousand files. Every passage has its secrets masked
 * ({@link SecretScanner#mask}): what is retrieved is sent to model providers.
 */
public final class Retrieval implements AutoCloseable {
    private static final String NAMESPACE = "task";
    private final Path root;
    private final List<String> files;
    private final SecretScanner secrets;
    private LuceneStore store;

    Retrieval(Path root, List<String> files, SecretScanner secrets) {
        this.root = root;
        this.files = List.copyOf(files);
        this.secrets = secrets;
    }

    /** A passage of the source: the file, its line range and the text. */
    public record Passage(String path, int startLine, int endLine, String text) {
    }

    /** The {@code k} passages most relevant to {@code query}. */
    public synchronized List<Passage> search(String query, int k) {
        if (store == null) store = index();
        var out = new ArrayList<Passage>();
        for (var hit : store.keyword(NAMESPACE, query, k, VectorStore.Filter.NONE)) {
            var c = hit.chunk();
            out.add(new Passage(c.path(), c.startLine(), c.endLine(), secrets.mask(c.path(), c.content())));
        }
        return out;
    }

    /** Lines {@code from - context} … {@code to + context} of {@code path} (1-based, clipped to the file). */
    public Passage around(String path, int from, int to, int context) {
        try {
            var lines = Files.readAllLines(root.resolve(path), StandardCharsets.UTF_8);
            int start = Math.max(1, from - context), end = Math.min(lines.size(), Math.max(from, to) + context);
            return new Passage(path, start, end, start > end ? "" : secrets.mask(path, String.join("\n", lines.subList(start - 1, end))));
        } catch (IOException | RuntimeException e) {
            return new Passage(path, from, to, "");
        }
    }

    private LuceneStore index() {
        var lucene = new LuceneStore(null);
        var chunker = new Chunker();
        var entries = new ArrayList<VectorStore.Entry>();
        for (String file : files) {
            try {
                String text = Files.readString(root.resolve(file), StandardCharsets.UTF_8);
                for (var chunk : chunker.chunk(file, text)) entries.add(new VectorStore.Entry(chunk, null, chunk.contentHash()));
            } catch (IOException | RuntimeException e) {
                // an unreadable file is left out of retrieval; the analysis reports it on its own
            }
        }
        lucene.apply(NAMESPACE, files, entries, List.of());
        return lucene;
    }

    @Override
    public synchronized void close() {
        if (store != null) store.close();
    }
}
