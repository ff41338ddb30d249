package dev.luna.functions.rag;

import dev.luna.core.Hashes;
import dev.luna.rag.Chunk;
import dev.luna.rag.VectorStore;
import dev.luna.sources.FileSelection;
import dev.luna.sources.SourceFile;
import dev.luna.sources.SourceLimits;
import dev.luna.sources.SourceReader;
import dev.luna.sources.TextContent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one indexing job: gathers the files of its source, skips binary and non-UTF-8 files (reported per file), leaves
 * files whose content hash is unchanged alone, chunks and embeds the changed ones, removes deleted ones, and applies
 * everything to the store in one atomic step. A job that fails changes nothing.
 */
final class Indexer {
    private static final Logger log = LoggerFactory.getLogger(Indexer.class);
    /**
     * The sources' limits for indexing: 20,000 files, 64 MiB, 1 MiB per file ({@link MediaFiles#READ_POLICY} reads
     * PDFs up to 32 MiB and the heads of large images and recordings), archives refused beyond 64 MiB expanded, and a
     * source over a budget fails the job (an index is never half a project).
     */
    static final SourceLimits LIMITS = SourceLimits.DEFAULTS.withMaxExpandedBytes(64L * SourceLimits.MIB).failingOverBudget(true);
    /** A running job not updated for this long is taken to be abandoned by a worker that died (its function timeout is 10 min). */
    static final java.time.Duration STALE_AFTER = java.time.Duration.ofMinutes(15);
    private final IndexJobRepository jobs;
    private final RagEngine engine;
    private final Clock clock;
    private final SourceReader sources;
    private final MediaFiles media;
    private java.util.function.Consumer<IndexJob> afterSuccess = job -> { };

    Indexer(IndexJobRepository jobs, RagEngine engine, Clock clock, SourceReader sources, MediaFiles media) {
        this.sources = sources;
        this.media = media;
        this.jobs = jobs;
        this.engine = engine;
        this.clock = clock;
    }

    /** Called with each job that succeeded (a watched git source records the revision it now holds). */
    void afterSuccess(java.util.function.Consumer<IndexJob> listener) {
        this.afterSuccess = listener;
    }

    /** Runs a queued job; does nothing if the job is unknown or already taken. */
    void run(String jobId) {
        var job = jobs.find(jobId).orElse(null);
        if (job == null || IndexJob.SUCCEEDED.equals(job.status()) || IndexJob.FAILED.equals(job.status())) {
            log.info("index job {} is {}; nothing to do", jobId, job == null ? "unknown" : job.status());
            return;
        }
        var input = jobs.input(jobId).orElse(null);
        var errors = new ArrayList<FileError>();
        long started = System.nanoTime();
        IndexJob running = job.running(clock.instant(), 0);
        if (!jobs.start(running, STALE_AFTER)) {
            log.info("index job {} is being run by another worker", jobId);
            return;
        }
        try {
            if (input == null) throw new IllegalStateException("the job's input is missing");
            var gathered = gather(job.projectId(), input, errors);
            var files = gathered.files();
            running = running.running(running.startedAt(), files.size());
            jobs.save(running);
            var result = apply(running, input, files, errors, started).withRevision(gathered.revision());
            var succeeded = running.succeeded(clock.instant(), result, errors);
            // before the job reads as succeeded, so a client that saw it succeed also sees what it did (a git watch's
            // indexed revision); a listener's failure does not fail the job
            try {
                afterSuccess.accept(succeeded);
            } catch (RuntimeException e) {
                log.warn("after index job {} succeeded: {}", jobId, e.toString());
            }
            jobs.save(succeeded);
            jobs.deleteInput(jobId);
        } catch (RuntimeException e) {
            log.warn("index job {} failed: {}", jobId, e.toString());
            String why = e instanceof dev.luna.core.LunaException le ? le.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
            jobs.save(running.failed(clock.instant(), why, errors));
        }
    }

    /** The files of a job's source and, for git, the commit they are from. */
    record Gathered(List<SourceFile> files, String revision) {
    }

    /** The selected files of the job's source, read with the limits of {@link #LIMITS}; skipped ones become errors. */
    private Gathered gather(String projectId, Requests.IndexRequest input, List<FileError> errors) {
        var contents = sources.read(input.source(), projectId, "source", FileSelection.of(input.include(), input.exclude()),
                MediaFiles.READ_POLICY);
        for (var s : contents.skipped()) errors.add(new FileError(s.path(), s.message()));
        return new Gathered(contents.files(), contents.revision());
    }

    private IndexJob.Result apply(IndexJob job, Requests.IndexRequest input, List<SourceFile> files, List<FileError> errors, long started) {
        String ns = job.projectId();
        Map<String, String> existing = engine.store.fileHashes(ns);
        var changedPaths = new LinkedHashSet<String>();
        var chunks = new ArrayList<Chunk>();
        var fileHashes = new LinkedHashMap<String, String>();
        var seen = new HashSet<String>();
        int unchanged = 0;
        int processed = 0;
        for (var f : files) {
            processed++;
            if (processed % 200 == 0) jobs.save(job.progressed(processed));
            if (!seen.add(f.path())) {
                errors.add(new FileError(f.path(), "listed more than once; the first copy was used"));
                continue;
            }
            // the embedding model is part of a file's hash: after a change of model, the next job re-embeds every file
            String hash = Hashes.sha256Hex(f.bytes()) + (f.truncated() ? ":" + f.size() : "") + "@" + engine.model().id();
            if (hash.equals(existing.get(f.path()))) {
                unchanged++;
                continue;
            }
            List<Chunk> fileChunks;
            if (MediaFiles.kindOf(f.path()) != null) {
                fileChunks = media.chunks(f, errors); // PDFs by their text, images and audio by their metadata
                if (fileChunks == null) continue;
            } else {
                String text = decode(f, errors);
                if (text == null) continue;
                fileChunks = engine.chunker.chunk(f.path(), text);
            }
            changedPaths.add(f.path());
            fileHashes.put(f.path(), hash);
            for (Chunk c : fileChunks) {
                chunks.add(c.withId("ctx_" + Hashes.sha256(ns + "\n" + c.id()).substring(0, 24)));
            }
        }
        var deletes = new LinkedHashSet<String>();
        if (input.deletedPaths() != null) {
            for (String d : input.deletedPaths()) if (existing.containsKey(d) && !seen.contains(d)) deletes.add(d);
        }
        boolean deleteMissing = input.deleteMissing() != null ? input.deleteMissing() : !"inline".equals(input.source().type());
        if (deleteMissing) {
            var selection = FileSelection.of(input.include(), input.exclude());
            for (String p : existing.keySet()) if (!seen.contains(p) && selection.selected(p)) deletes.add(p);
        }
        var embedder = engine.embedder();
        var before = embedder.stats();
        var vectors = chunks.isEmpty() ? List.<float[]>of() : embedder.embedAll(chunks.stream().map(dev.luna.rag.EmbeddingText::of).toList());
        var after = embedder.stats();
        var entries = new ArrayList<VectorStore.Entry>(chunks.size());
        for (int i = 0; i < chunks.size(); i++) entries.add(new VectorStore.Entry(chunks.get(i), vectors.get(i), fileHashes.get(chunks.get(i).path())));
        if (!changedPaths.isEmpty() || !deletes.isEmpty()) engine.store.apply(ns, changedPaths, entries, deletes);
        return new IndexJob.Result(changedPaths.size(), unchanged, deletes.size(), errors.size(), chunks.size(),
                (int) (after.documentMisses() - before.documentMisses()), (int) (after.documentHits() - before.documentHits()),
                (System.nanoTime() - started) / 1_000_000, engine.store.count(ns), null);
    }

    /** Strict UTF-8 text without NUL bytes, BOM removed and line ends normalised; null (and an error) otherwise. */
    static String decode(SourceFile f, List<FileError> errors) {
        return switch (TextContent.decode(f.bytes())) {
            case TextContent.Binary b -> {
                errors.add(new FileError(f.path(), "binary file (NUL bytes); not indexed"));
                yield null;
            }
            case TextContent.NotUtf8 n -> {
                errors.add(new FileError(f.path(), "not valid UTF-8; not indexed"));
                yield null;
            }
            case TextContent.Utf8 u -> {
                String s = u.text().startsWith("\uFEFF") ? u.text().substring(1) : u.text();
                yield s.replace("\r\n", "\n").replace('\r', '\n');
            }
        };
    }
}
