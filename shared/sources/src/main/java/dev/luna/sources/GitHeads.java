package dev.luna.sources;

/**
 * What a git source's ref points at on its remote now, without fetching anything: how a watched index learns it is
 * stale. The URL rules, host checks and credentials are those of {@link SourceReader}'s git fetches.
 */
public final class GitHeads {
    private final GitFetcher fetcher;

    public GitHeads(GitSettings settings) {
        this.fetcher = new GitFetcher(settings);
    }

    /** The full commit id {@code source}'s ref (or the default branch) names now; a {@link dev.luna.core.LunaException} saying why not. */
    public String current(Source source) {
        if (!Source.GIT.equals(source.type())) throw new IllegalArgumentException("not a git source: " + source.type());
        return fetcher.remoteCommit(source, "source");
    }
}
