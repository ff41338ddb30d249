package dev.luna.functions.rag;

import dev.luna.core.Hashes;
import dev.luna.rag.Chunk;
import dev.luna.rag.VectorStore;
import dev.luna.store.AwsClients;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
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
    static final int MAX_S3_FILES = 20_000;
    /** A running job not updated for this long is taken to be abandoned by a worker that died (its function timeout is 10 min). */
    static final java.time.Duration STALE_AFTER = java.time.Duration.ofMinutes(15);
    private final IndexJobRepository jobs;
    private final RagEngine engine;
    private final AwsClients aws;
    private final Clock clock;
    private final GitSource git;
    private final MediaFiles media;

    Indexer(IndexJobRepository jobs, RagEngine engine, AwsClients aws, Clock clock, GitSource git, MediaFiles media) {
        this.git = git;
        this.media = media;
        this.jobs = jobs;
        this.engine = engine;
        this.aws = aws;
        this.clock = clock;
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
            jobs.save(running.succeeded(clock.instant(), result, errors));
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

    private Gathered gather(String projectId, Requests.IndexRequest input, List<FileError> errors) {
        var source = input.source();
        var files = new ArrayList<SourceFile>();
        String revision = null;
        switch (source.type()) {
            case "inline" -> {
                for (var f : source.files()) {
                    byte[] bytes = f.content() != null ? f.content().getBytes(StandardCharsets.UTF_8) : Base64.getDecoder().decode(f.contentBase64());
                    files.add(new SourceFile(Archives.safePath(f.path()), bytes));
                }
            }
            case "archive" -> {
                var contents = Archives.read(source.format(), Base64.getDecoder().decode(source.contentBase64()));
                files.addAll(contents.files());
                errors.addAll(contents.skipped());
            }
            case "s3" -> files.addAll(s3(projectId, source.prefix() == null ? "" : source.prefix(), errors));
            case "git" -> {
                var fetched = git.fetch(source, matchers(input.include()), matchers(input.exclude()), errors);
                files.addAll(fetched.files());
                revision = fetched.commit();
            }
            default -> throw new IllegalStateException("unsupported source " + source.type());
        }
        var include = matchers(input.include());
        var exclude = matchers(input.exclude());
        return new Gathered(files.stream().filter(f -> selected(f.path(), include, exclude)).toList(), revision);
    }

    /** Files under {@code projects/<projectId>/<prefix>} of the artifacts bucket, paths relative to that prefix. */
    private List<SourceFile> s3(String projectId, String prefix, List<FileError> errors) {
        String bucket = aws.config().bucketName("artifacts");
        String base = RagService.s3Base(projectId, prefix);
        var out = new ArrayList<SourceFile>();
        for (var page : aws.s3().listObjectsV2Paginator(b -> b.bucket(bucket).prefix(base))) {
            for (var o : page.contents()) {
                if (o.key().endsWith("/")) continue;
                String rel = o.key().substring(base.length());
                if (out.size() >= MAX_S3_FILES) throw new dev.luna.core.ValidationException("source.prefix", "holds more than " + MAX_S3_FILES + " files");
                int limit = MediaFiles.readLimit(rel, o.size());
                if (limit == 0) {
                    errors.add(new FileError(rel, "larger than " + (MediaFiles.kindOf(rel) == MediaFiles.Kind.PDF ? MediaFiles.MAX_PDF_BYTES
                            : Archives.MAX_FILE_BYTES) + " bytes"));
                    continue;
                }
                if (limit > 0) { // a large image or recording: its head is enough for its metadata
                    byte[] head = aws.s3().getObjectAsBytes(b -> b.bucket(bucket).key(o.key()).range("bytes=0-" + (limit - 1))).asByteArray();
                    out.add(new SourceFile(Archives.safePath(rel), head, o.size()));
                    continue;
                }
                byte[] bytes = aws.s3().getObjectAsBytes(b -> b.bucket(bucket).key(o.key())).asByteArray();
                out.add(new SourceFile(Archives.safePath(rel), bytes));
            }
        }
        return out;
    }

    static List<PathMatcher> matchers(List<String> globs) {
        if (globs == null) return List.of();
        return globs.stream().map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
    }

    static boolean selected(String path, List<PathMatcher> include, List<PathMatcher> exclude) {
        Path p = Path.of(path);
        if (!include.isEmpty() && include.stream().noneMatch(m -> m.matches(p))) return false;
        return exclude.stream().noneMatch(m -> m.matches(p));
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
            String hash = Hashes.sha256Hex(f.bytes()) + (f.truncated() ? ":" + f.size() : "");
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
            var include = matchers(input.include());
            var exclude = matchers(input.exclude());
            for (String p : existing.keySet()) if (!seen.contains(p) && selected(p, include, exclude)) deletes.add(p);
        }
        var embedder = engine.embedder();
        var before = embedder.stats();
        var vectors = chunks.isEmpty() ? List.<float[]>of() : embedder.embedAll(chunks.stream().map(Chunk::content).toList());
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
        byte[] b = f.bytes();
        int probe = Math.min(b.length, 8000);
        for (int i = 0; i < probe; i++) {
            if (b[i] == 0) {
                errors.add(new FileError(f.path(), "binary file (NUL bytes); not indexed"));
                return null;
            }
        }
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
            if (s.startsWith("\uFEFF")) s = s.substring(1);
            return s.replace("\r\n", "\n").replace('\r', '\n');
        } catch (CharacterCodingException e) {
            errors.add(new FileError(f.path(), "not valid UTF-8; not indexed"));
            return null;
        }
    }
}
