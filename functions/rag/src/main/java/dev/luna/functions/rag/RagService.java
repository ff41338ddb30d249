package dev.luna.functions.rag;

import dev.luna.catalog.Access;
import dev.luna.core.ErrorCode;
import dev.luna.core.Hashes;
import dev.luna.core.Ids;
import dev.luna.core.LunaException;
import dev.luna.core.ValidationException;
import dev.luna.identity.ProjectStore;
import dev.luna.rag.CachingEmbedder;
import dev.luna.rag.Chunk;
import dev.luna.rag.ContextPacker;
import dev.luna.rag.Retriever;
import dev.luna.rag.TokenOptimizer;
import dev.luna.rag.Tokens;
import dev.luna.rag.VectorStore;
import dev.luna.sources.FileSelection;
import dev.luna.sources.SourcePaths;
import dev.luna.sources.SourceValidator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The rules of the RAG API: validation, project scoping, job submission, retrieval, context CRUD, optimisation. */
final class RagService {
    static final int MAX_QUERY_CHARS = 2000;
    static final int MAX_TOP_K = 50;
    static final int MAX_TOKEN_BUDGET = 200_000;
    static final int MAX_CONTEXT_CHARS = 64 * 1024;

    private final IndexJobRepository jobs;
    private final RagEngine engine;
    private final Clock clock;
    private final Ids ids;
    private final Consumer<String> dispatch;
    private final ProjectStore projects;
    private final SourceValidator sources;
    private final Summarizer summarizer;
    private final dev.luna.llm.OptimizationSavings savings;
    private final GitWatchRepository watches;
    static final int MIN_REFRESH_MINUTES = 5, MAX_REFRESH_MINUTES = 7 * 24 * 60;

    /** @param dispatch starts a queued job: sends it to the queue, or runs it at once (see {@link RagFunctions}) */
    RagService(IndexJobRepository jobs, RagEngine engine, ProjectStore projects, Clock clock, Ids ids, Consumer<String> dispatch,
               SourceValidator sources, Summarizer summarizer, dev.luna.llm.OptimizationSavings savings, GitWatchRepository watches) {
        this.watches = watches;
        this.sources = sources;
        this.summarizer = summarizer;
        this.savings = savings;
        this.projects = projects;
        this.jobs = jobs;
        this.engine = engine;
        this.clock = clock;
        this.ids = ids;
        this.dispatch = dispatch;
    }

    /** The caller may act in the project (404 for non-members), and the project exists (404 otherwise, even for administrators). */
    private void requireProject(Access access, String projectId) {
        access.require(projectId, "Project", projectId);
        if (projects.find(projectId).isEmpty()) throw LunaException.notFound("Project", projectId);
    }

    // ---- indexing

    /** An accepted index request: the job, and the watch that keeps a git source fresh when asked (its secret shown only here). */
    record Submitted(IndexJob job, WatchCreated refresh) {
    }

    record WatchCreated(String watchId, boolean webhook, String webhookUrl, String secret, Integer intervalMinutes) {
    }

    Submitted submit(Requests.IndexRequest request, Access access) {
        String projectId = access.project(request.projectId());
        requireProject(access, projectId);
        validate(request);
        var now = clock.instant();
        var job = new IndexJob(ids.next("job"), projectId, IndexJob.QUEUED, request.source().type(), new IndexJob.Progress(0, 0), null,
                List.of(), null, access.principal().id(), now, null, null);
        var refresh = request.refresh();
        jobs.create(job, new Requests.IndexRequest(request.projectId(), request.source(), request.include(), request.exclude(),
                request.deletedPaths(), request.deleteMissing(), null)); // the webhook secret stays in the watch only
        WatchCreated created = null;
        if (refresh != null) {
            boolean webhook = refresh.webhook() == null ? refresh.secret() != null || refresh.intervalMinutes() == null : refresh.webhook();
            String secret = !webhook ? null : refresh.secret() != null ? refresh.secret() : java.util.HexFormat.of().formatHex(randomBytes(24));
            var s = request.source();
            var watch = new GitWatch(job.id(), projectId, s.url(), s.ref(), s.credentialsSecret(), request.include(), request.exclude(), webhook,
                    secret, refresh.intervalMinutes(), null, null, job.id(), null, null, now);
            watches.create(watch);
            watches.link(job.id(), watch.id());
            created = new WatchCreated(watch.id(), webhook, webhook ? RagHandlers.GIT_HOOK : null,
                    webhook && refresh.secret() == null ? secret : null, refresh.intervalMinutes());
        }
        dispatch.accept(job.id());
        return new Submitted(jobs.find(job.id()).orElse(job), created);
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        new java.security.SecureRandom().nextBytes(b);
        return b;
    }

    /** A job, with how fresh its index is when it belongs to a watched git source. */
    record Status(IndexJob job, GitWatch.Freshness freshness) {
    }

    Status statusWithFreshness(String jobId, Access access) {
        var job = status(jobId, access);
        return new Status(job, watches.ofJob(jobId).map(GitWatch::freshness).orElse(null));
    }

    IndexJob status(String jobId, Access access) {
        var job = jobs.find(jobId).orElseThrow(() -> notFound("Index job", jobId));
        access.require(job.projectId(), "IndexJob", jobId);
        return job;
    }

    private void validate(Requests.IndexRequest r) {
        // an inline source without files is a delete-only update (e.g. an editor's removed files): it needs deletedPaths
        var src = r.source();
        boolean deleteOnly = src != null && dev.luna.sources.Source.INLINE.equals(src.type()) && src.files() != null && src.files().isEmpty();
        if (deleteOnly && (r.deletedPaths() == null || r.deletedPaths().isEmpty())) {
            throw new ValidationException("source.files", "must list at least one file (or deletedPaths at least one path)");
        }
        if (!deleteOnly) sources.validate(src, "source");
        var refresh = r.refresh();
        if (refresh != null) {
            if (!dev.luna.sources.Source.GIT.equals(r.source().type())) throw new ValidationException("refresh", "only git sources can be kept fresh");
            if (refresh.secret() != null && (refresh.secret().length() < 16 || refresh.secret().length() > 256)) {
                throw new ValidationException("refresh.secret", "must be 16 to 256 characters");
            }
            if (Boolean.FALSE.equals(refresh.webhook()) && refresh.secret() != null) {
                throw new ValidationException("refresh.secret", "is only used with refresh.webhook");
            }
            if (refresh.intervalMinutes() != null && (refresh.intervalMinutes() < MIN_REFRESH_MINUTES || refresh.intervalMinutes() > MAX_REFRESH_MINUTES)) {
                throw new ValidationException("refresh.intervalMinutes", "must be between " + MIN_REFRESH_MINUTES + " and " + MAX_REFRESH_MINUTES);
            }
            if (Boolean.FALSE.equals(refresh.webhook()) && refresh.intervalMinutes() == null) {
                throw new ValidationException("refresh", "asks for neither a webhook nor an intervalMinutes check");
            }
        }
        FileSelection.check("include", r.include());
        FileSelection.check("exclude", r.exclude());
        if (r.deletedPaths() != null) {
            for (int i = 0; i < r.deletedPaths().size(); i++) SourcePaths.normalise("deletedPaths[" + i + "]", r.deletedPaths().get(i));
        }
    }

    // ---- query

    record QueryResult(String projectId, String query, String mode, List<ContextPacker.Context> contexts, int totalTokens, Integer tokenBudget,
                       int candidates, int droppedDuplicates, int merged, int omittedForBudget, double tookMs, String tokenizer) {
    }

    QueryResult query(Requests.QueryRequest r, Access access) {
        String projectId = access.project(r.projectId());
        requireProject(access, projectId);
        if (r.query() == null || r.query().isBlank()) throw new ValidationException("query", "must not be empty");
        if (r.query().length() > MAX_QUERY_CHARS) throw new ValidationException("query", "must be at most " + MAX_QUERY_CHARS + " characters");
        int topK = r.topK() == null ? 10 : r.topK();
        if (topK < 1 || topK > MAX_TOP_K) throw new ValidationException("topK", "must be between 1 and " + MAX_TOP_K);
        var mode = Retriever.Mode.fromWire(r.mode());
        if (mode == null) throw new ValidationException("mode", "must be one of hybrid, vector, keyword");
        if (r.tokenBudget() != null && (r.tokenBudget() < 1 || r.tokenBudget() > MAX_TOKEN_BUDGET)) {
            throw new ValidationException("tokenBudget", "must be between 1 and " + MAX_TOKEN_BUDGET);
        }
        var filter = filter(r.filters());
        long t0 = System.nanoTime();
        var ranked = engine.retriever().search(projectId, r.query(), topK, mode, filter);
        var packed = ContextPacker.pack(ranked, r.tokenBudget());
        if (r.tokenBudget() != null && packed.contexts().isEmpty() && !ranked.isEmpty()) {
            int minimum = ContextPacker.smallestChunk(ranked);
            throw new LunaException(ErrorCode.VALIDATION_FAILED, "tokenBudget " + r.tokenBudget()
                    + " is below the size of every matching chunk; the smallest needs " + minimum + " tokens",
                    Map.of("field", "tokenBudget", "minimumTokenBudget", minimum));
        }
        double took = Math.round((System.nanoTime() - t0) / 10_000.0) / 100.0;
        dev.luna.rag.RagMetrics.query(mode.name().toLowerCase(java.util.Locale.ROOT), took);
        return new QueryResult(projectId, r.query(), mode.name().toLowerCase(java.util.Locale.ROOT), packed.contexts(), packed.totalTokens(),
                r.tokenBudget(), ranked.size(), packed.droppedDuplicates(), packed.merged(), packed.omittedForBudget(), took, Tokens.encodingName());
    }

    private static VectorStore.Filter filter(Requests.Filters f) {
        if (f == null) return VectorStore.Filter.NONE;
        if (f.path() != null && (f.path().isBlank() || f.path().length() > 300)) throw new ValidationException("filters.path", "must be a glob of 1 to 300 characters");
        if (f.language() != null && !f.language().matches("[a-z+#-]{1,40}")) throw new ValidationException("filters.language", "must be a language name such as java or python");
        if (f.symbol() != null && (f.symbol().isBlank() || f.symbol().length() > 300)) throw new ValidationException("filters.symbol", "must be 1 to 300 characters");
        return new VectorStore.Filter(f.path(), f.language(), f.symbol());
    }

    // ---- contexts

    record ContextView(String id, String projectId, String path, String language, String symbol, String kind, int startLine, int endLine,
                       String content, String contentHash, int tokenCount) {
        static ContextView of(String projectId, Chunk c) {
            return new ContextView(c.id(), projectId, c.path(), c.language(), c.symbol(), c.kind(), c.startLine(), c.endLine(), c.content(),
                    c.contentHash(), c.tokenCount());
        }
    }

    ContextView getContext(String id, String projectId, Access access) {
        String project = access.project(projectId);
        requireProject(access, project);
        return ContextView.of(project, load(project, id).chunk());
    }

    ContextView putContext(String id, String projectId, Requests.ContextUpdate update, Access access) {
        String project = access.project(projectId);
        requireProject(access, project);
        if (update.content() == null || update.content().isBlank()) throw new ValidationException("content", "must not be empty");
        if (update.content().length() > MAX_CONTEXT_CHARS) throw new ValidationException("content", "must be at most " + MAX_CONTEXT_CHARS + " characters");
        if (update.symbol() != null && update.symbol().length() > 300) throw new ValidationException("symbol", "must be at most 300 characters");
        var current = load(project, id);
        var c = current.chunk();
        String content = update.content();
        int lines = content.split("\n", -1).length;
        var replaced = new Chunk(c.id(), c.path(), c.language(), update.symbol() != null ? update.symbol() : c.symbol(), c.kind(), c.startLine(),
                c.startLine() + lines - 1, content, Hashes.sha256(content), Tokens.count(content));
        var embedder = engine.embedder();
        embedder.invalidate(CachingEmbedder.key(dev.luna.rag.EmbeddingText.of(c)));
        var vector = embedder.embedAll(List.of(dev.luna.rag.EmbeddingText.of(replaced))).get(0);
        // the file's hash no longer describes the index: a later index job re-reads the file
        engine.store.put(project, new VectorStore.Entry(replaced, vector, "edited:" + replaced.contentHash()));
        return ContextView.of(project, replaced);
    }

    ContextView deleteContext(String id, String projectId, Access access) {
        String project = access.project(projectId);
        requireProject(access, project);
        var current = load(project, id);
        engine.store.delete(project, id);
        engine.embedder().invalidate(CachingEmbedder.key(dev.luna.rag.EmbeddingText.of(current.chunk())));
        return ContextView.of(project, current.chunk());
    }

    private VectorStore.Entry load(String project, String id) {
        if (!id.matches("ctx_[0-9a-f]{24}")) throw notFound("Context", id);
        return engine.store.get(project, id).orElseThrow(() -> notFound("Context", id));
    }

    // ---- tokens

    TokenOptimizer.Result optimize(Requests.OptimizeRequest r, Access access) {
        String project = access.project(r.projectId());
        requireProject(access, project);
        boolean noPrompt = r.prompt() == null || r.prompt().isBlank();
        boolean noContexts = r.contexts() == null || r.contexts().isEmpty();
        if (noPrompt && noContexts) throw new ValidationException("prompt", "a prompt or at least one context is required");
        if (r.prompt() != null && r.prompt().length() > 400_000) throw new ValidationException("prompt", "must be at most 400000 characters");
        if (r.contexts() != null && r.contexts().size() > 500) throw new ValidationException("contexts", "must have at most 500 items");
        if (r.targetTokens() != null && r.targetTokens() < 1) throw new ValidationException("targetTokens", "must be at least 1");
        if (r.keepRelevance() != null && (r.keepRelevance() < 0 || r.keepRelevance() > 1)) throw new ValidationException("keepRelevance", "must be between 0 and 1");
        var items = new ArrayList<TokenOptimizer.Item>();
        if (r.contexts() != null) {
            for (int i = 0; i < r.contexts().size(); i++) {
                var c = r.contexts().get(i);
                if (c == null || c.content() == null) throw new ValidationException("contexts[" + i + "].content", "is required");
                if (c.relevanceScore() != null && (c.relevanceScore() < 0 || c.relevanceScore() > 1)) {
                    throw new ValidationException("contexts[" + i + "].relevanceScore", "must be between 0 and 1");
                }
                items.add(new TokenOptimizer.Item(c.id(), c.path(), c.language(), c.content(), c.relevanceScore()));
            }
        }
        var optimized = engine.optimizer.optimize(new TokenOptimizer.Input(r.prompt(), items, r.targetTokens(), r.keepRelevance()));
        optimized = summarizer.apply(project, optimized, r.targetTokens(), r.keepRelevance() == null ? 0.5 : r.keepRelevance(), r.summarize());
        // what optimisation saved shows in GET /api/v1/tokens/usage as "optimized"
        savings.record(project, clock.instant(), optimized.tokensBefore(), optimized.tokensAfter());
        return optimized;
    }

    /** Embedding-cache figures of this container. */
    Map<String, Object> cacheStats() {
        var s = engine.embedder().stats();
        var m = new LinkedHashMap<String, Object>();
        m.put("documentHitRate", s.documentHitRate());
        m.put("queryHitRate", s.queryHitRate());
        return m;
    }

    private static LunaException notFound(String kind, String id) {
        return new LunaException(ErrorCode.NOT_FOUND, kind + " " + id + " not found", Map.of("id", id));
    }
}
