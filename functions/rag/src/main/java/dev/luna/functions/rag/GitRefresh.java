package dev.luna.functions.rag;

import dev.luna.core.ErrorCode;
import dev.luna.core.Ids;
import dev.luna.core.LunaException;
import dev.luna.sources.GitHeads;
import dev.luna.sources.Source;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps watched git indexes fresh: a signed push re-indexes the watches that follow the pushed ref, the scheduled
 * check asks each watch's remote for its ref's head when its interval has passed, and a finished job records the
 * revision it indexed. A re-index is an ordinary index job of the watch's source: unchanged files (by content hash)
 * are left alone, so only what the push changed is chunked and embedded again.
 */
final class GitRefresh {
    private static final Logger log = LoggerFactory.getLogger(GitRefresh.class);
    private final GitWatchRepository watches;
    private final IndexJobRepository jobs;
    private final GitHeads heads;
    private final Clock clock;
    private final Ids ids;
    private final Consumer<String> dispatch;

    GitRefresh(GitWatchRepository watches, IndexJobRepository jobs, GitHeads heads, Clock clock, Ids ids, Consumer<String> dispatch) {
        this.watches = watches;
        this.jobs = jobs;
        this.heads = heads;
        this.clock = clock;
        this.ids = ids;
        this.dispatch = dispatch;
    }

    record Queued(String watchId, String jobId, String revision) {
    }

    record Skipped(String watchId, String reason) {
    }

    record Delivery(String provider, String event, List<Queued> queued, List<Skipped> skipped) {
    }

    /**
     * One webhook delivery: 404 when no index watches the repository, 401 when the proof matches none of their
     * secrets; otherwise which watches were re-indexed and why the others were not.
     */
    Delivery onDelivery(Function<String, Optional<String>> headers, String body) {
        var push = GitPush.parse(headers, body);
        var candidates = new LinkedHashMap<String, GitWatch>();
        for (String url : push.repositoryUrls()) {
            for (var w : watches.ofRepository(url)) if (w.webhook()) candidates.putIfAbsent(w.id(), w);
        }
        if (candidates.isEmpty()) {
            throw new LunaException(ErrorCode.NOT_FOUND, "No index watches this repository for pushes (index it with refresh.webhook first)",
                    java.util.Map.of("repository", push.repositoryUrls()));
        }
        var signed = candidates.values().stream().filter(w -> push.signedWith(w.secret(), body)).toList();
        if (signed.isEmpty()) {
            throw new LunaException(ErrorCode.UNAUTHENTICATED, push.proof() == null
                    ? "The delivery is not signed (set the index's secret as the webhook's secret)"
                    : "The delivery's signature does not match the secret of any index watching this repository");
        }
        String provider = push.provider().name().toLowerCase(java.util.Locale.ROOT);
        var queued = new ArrayList<Queued>();
        var skipped = new ArrayList<Skipped>();
        for (var w : signed) {
            if (push.isPing()) continue;
            if (!push.isPush()) skipped.add(new Skipped(w.id(), "'" + push.event() + "' is not a push event"));
            else if (push.deleted()) skipped.add(new Skipped(w.id(), "the push deleted " + push.ref()));
            else if (!w.follows(push.ref(), push.defaultBranch())) {
                skipped.add(new Skipped(w.id(), "the push is to " + push.ref() + "; the index follows " + (w.ref() == null ? "the default branch" : w.ref())));
            } else {
                var seen = w.seen(push.after(), clock.instant());
                watches.save(seen);
                reindexUnlessFresh(seen, "webhook:" + provider).ifPresentOrElse(queued::add, () -> skipped.add(new Skipped(w.id(),
                        seen.stale() ? "a re-index is already queued" : "already indexed at " + seen.indexedRevision())));
            }
        }
        return new Delivery(provider, push.event(), queued, skipped);
    }

    record CheckReport(int watches, int checked, int stale, int queued, int failed) {
    }

    /** The scheduled check: every watch whose interval has passed asks its remote where its ref is now. */
    CheckReport checkDue() {
        var all = watches.scheduled();
        int checked = 0, stale = 0, queuedCount = 0, failed = 0;
        for (var w : all) {
            var now = clock.instant();
            if (!w.checkDue(now)) continue;
            checked++;
            String head;
            try {
                head = heads.current(source(w));
            } catch (LunaException e) {
                failed++;
                log.warn("git watch {}: checking {} failed: {}", w.id(), w.url(), e.getMessage());
                watches.save(w.seen(null, now));
                continue;
            }
            var seen = w.seen(head, now);
            watches.save(seen);
            if (seen.stale()) stale++;
            if (reindexUnlessFresh(seen, "schedule:rag-refresh").isPresent()) queuedCount++;
        }
        return new CheckReport(all.size(), checked, stale, queuedCount, failed);
    }

    /** After a job of a watch succeeded: the watch is indexed at the job's revision. */
    void indexed(IndexJob job) {
        if (job.result() == null || job.result().revision() == null) return;
        watches.ofJob(job.id()).ifPresent(w -> {
            if (w.indexedAt() != null && job.finishedAt() != null && w.indexedAt().isAfter(job.finishedAt())) return; // a newer job won
            watches.save(w.indexed(job.result().revision(), job.finishedAt() == null ? clock.instant() : job.finishedAt(), job.id()));
        });
    }

    private Optional<Queued> reindexUnlessFresh(GitWatch w, String createdBy) {
        if (!w.stale()) return Optional.empty();
        if (w.lastJobId() != null && jobs.find(w.lastJobId()).map(j -> IndexJob.QUEUED.equals(j.status())).orElse(false)) {
            return Optional.empty(); // not started yet: it will fetch the new head
        }
        var now = clock.instant();
        var job = new IndexJob(ids.next("job"), w.projectId(), IndexJob.QUEUED, Source.GIT, new IndexJob.Progress(0, 0), null, List.of(), null,
                createdBy, now, null, null);
        jobs.create(job, new Requests.IndexRequest(w.projectId(), source(w), w.include(), w.exclude(), null, null, null));
        watches.link(job.id(), w.id());
        watches.save(w.queued(job.id()));
        dispatch.accept(job.id());
        return Optional.of(new Queued(w.id(), job.id(), w.latestRevision()));
    }

    private static Source source(GitWatch w) {
        return new Source(Source.GIT, null, null, null, null, w.url(), w.ref(), w.credentialsSecret());
    }
}
