package dev.luna.functions.rag;

import java.time.Instant;
import java.util.List;

/** An indexing job: queued, running, then succeeded (possibly with per-file errors) or failed (nothing changed). */
record IndexJob(String id, String projectId, String status, String sourceType, Progress progress, Result result, List<FileError> errors,
                String failure, String createdBy, Instant createdAt, Instant startedAt, Instant finishedAt) {
    static final String QUEUED = "queued", RUNNING = "running", SUCCEEDED = "succeeded", FAILED = "failed";

    record Progress(int filesTotal, int filesProcessed) {
    }

    /** {@code revision}: the commit indexed, for git sources (null otherwise). */
    record Result(int filesIndexed, int filesUnchanged, int filesDeleted, int filesSkipped, int chunksIndexed, int chunksEmbedded,
                  int embeddingCacheHits, long durationMs, long chunksInIndex, String revision) {
        Result withRevision(String r) {
            return new Result(filesIndexed, filesUnchanged, filesDeleted, filesSkipped, chunksIndexed, chunksEmbedded, embeddingCacheHits,
                    durationMs, chunksInIndex, r);
        }
    }

    IndexJob running(Instant now, int filesTotal) {
        return new IndexJob(id, projectId, RUNNING, sourceType, new Progress(filesTotal, 0), null, List.of(), null, createdBy, createdAt, now, null);
    }

    /** Back to the queue, as if never started (its worker died: nothing it did reached the index). */
    IndexJob requeued() {
        return new IndexJob(id, projectId, QUEUED, sourceType, new Progress(0, 0), null, List.of(), null, createdBy, createdAt, null, null);
    }

    IndexJob progressed(int processed) {
        return new IndexJob(id, projectId, status, sourceType, new Progress(progress.filesTotal(), processed), result, errors, failure,
                createdBy, createdAt, startedAt, finishedAt);
    }

    IndexJob succeeded(Instant now, Result r, List<FileError> errs) {
        int total = progress == null ? 0 : progress.filesTotal();
        return new IndexJob(id, projectId, SUCCEEDED, sourceType, new Progress(total, total), r, errs, null, createdBy, createdAt, startedAt, now);
    }

    IndexJob failed(Instant now, String why, List<FileError> errs) {
        return new IndexJob(id, projectId, FAILED, sourceType, progress, null, errs, why, createdBy, createdAt, startedAt, now);
    }
}
