package dev.luna.sources;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.TagOpt;

/**
 * Fetches one ref of a git source into a new bare repository: the URL is checked again (and its host after DNS),
 * the ref is resolved with {@code ls-remote} (a branch, a tag, a full ref, a commit id, or the default branch), and
 * only that ref is fetched, {@code depth} commits deep, without tags; redirects are not followed, and a
 * {@link FetchGuard} cancels the fetch past the timeout or once the repository on disk exceeds its limit. Failures
 * are {@link dev.luna.core.LunaException}s saying which ({@link GitFailures}).
 */
final class GitFetcher {
    /** Where the fetched commit is kept in the repository. */
    static final String TARGET = "refs/luna/target";

    /** The fetched repository (open: the caller closes it) and the commit the ref named. */
    record Fetched(Repository repository, ObjectId commit) {
    }

    private final GitSettings settings;
    private final GitUrls urls;

    GitFetcher(GitSettings settings) {
        this.settings = settings;
        this.urls = new GitUrls(settings);
    }

    /** Fetches {@code source}'s ref into a new bare repository at {@code dir} (which the caller deletes). */
    Fetched fetch(Source source, String prefix, Path dir, int depth) {
        String url = urls.target(source.url(), prefix);
        urls.checkResolvedHost(url, prefix);
        CredentialsProvider credentials = GitCredentials.provider(settings, source.credentialsSecret(), prefix + ".credentialsSecret");
        var guard = new FetchGuard(dir, settings.maxRepositoryBytes(), System.nanoTime() + settings.timeout().toNanos());
        String wanted = null;
        Repository repository = null;
        try {
            Git git = Git.init().setBare(true).setDirectory(dir.toFile()).call();
            repository = git.getRepository();
            var config = repository.getConfig();
            config.setString("http", null, "followRedirects", "false");
            config.setInt("gc", null, "auto", 0); // no background gc in a directory about to be deleted
            config.setBoolean("gc", null, "autoDetach", false);
            config.save();
            wanted = resolve(lsRemote(git.lsRemote().setRemote(url), credentials), url, source.ref(), prefix);
            git.fetch().setRemote(url).setRefSpecs(new RefSpec("+" + wanted + ":" + TARGET)).setDepth(depth).setTagOpt(TagOpt.NO_TAGS)
                    .setCredentialsProvider(credentials).setTimeout(timeoutSeconds()).setProgressMonitor(guard).call();
            if (guard.stopped() != null) throw GitFailures.stopped(url, guard.stopped(), prefix); // a cancelled fetch returns without the ref
            if (ObjectId.isId(wanted)) pointTargetAt(repository, ObjectId.fromString(wanted)); // JGit fetches an id without updating a ref
            ObjectId commit = repository.resolve(TARGET + "^{commit}");
            if (commit == null) throw GitFailures.notSent(url, wanted, prefix);
            return new Fetched(repository, commit);
        } catch (GitAPIException | IOException e) {
            if (repository != null) repository.close();
            if (guard.stopped() != null) throw GitFailures.stopped(url, guard.stopped(), prefix);
            if (wanted != null && ObjectId.isId(wanted)) throw GitFailures.commitNotFetched(url, wanted, prefix);
            throw GitFailures.of(url, source.ref(), e, prefix);
        } catch (RuntimeException e) {
            if (repository != null) repository.close();
            throw e;
        }
    }

    /**
     * The commit {@code source}'s ref names on its remote now ({@code ls-remote}; nothing is fetched): a branch's tip,
     * a tag's commit, the default branch's tip, or the commit id itself.
     */
    String remoteCommit(Source source, String prefix) {
        String url = urls.target(source.url(), prefix);
        urls.checkResolvedHost(url, prefix);
        CredentialsProvider credentials = GitCredentials.provider(settings, source.credentialsSecret(), prefix + ".credentialsSecret");
        try {
            Map<String, Ref> refs = lsRemote(Git.lsRemoteRepository().setRemote(url), credentials);
            String wanted = resolve(refs, url, source.ref(), prefix);
            if (ObjectId.isId(wanted)) return wanted;
            Ref peeled = refs.get(wanted + "^{}"); // an annotated tag: the commit it points at
            Ref ref = peeled != null ? peeled : refs.get(wanted);
            ObjectId id = ref == null ? null : ref.getPeeledObjectId() != null ? ref.getPeeledObjectId() : ref.getObjectId();
            if (id == null) throw GitFailures.unknownRef(source.ref() == null ? Constants.HEAD : source.ref(), refs.keySet(), "", prefix);
            return id.name();
        } catch (GitAPIException e) {
            throw GitFailures.of(url, source.ref(), e, prefix);
        }
    }

    private Map<String, Ref> lsRemote(org.eclipse.jgit.api.LsRemoteCommand command, CredentialsProvider credentials) throws GitAPIException {
        return command.setCredentialsProvider(credentials).setTags(false).setHeads(false).setTimeout(timeoutSeconds()).callAsMap();
    }

    /** The remote ref (or commit id) to fetch: the named branch, tag or ref, a commit, or the default branch. */
    private String resolve(Map<String, Ref> refs, String url, String ref, String prefix) {
        if (ref == null) {
            Ref head = refs.get(Constants.HEAD);
            if (head == null) throw GitFailures.noDefaultBranch(url, prefix);
            return head.isSymbolic() ? head.getTarget().getName() : Constants.HEAD;
        }
        for (String candidate : ref.startsWith("refs/") ? List.of(ref) : List.of(Constants.R_HEADS + ref, Constants.R_TAGS + ref)) {
            if (refs.containsKey(candidate)) return candidate;
        }
        if (GitUrls.HEX.matcher(ref).matches()) {
            String lower = ref.toLowerCase(Locale.ROOT);
            for (Ref r : refs.values()) {
                ObjectId id = r.getObjectId();
                if (id != null && id.name().startsWith(lower) && !r.isSymbolic()) return r.getName();
            }
            if (lower.length() == 40) return lower; // not a tip: fetched by id (servers allowing reachable commits, as GitHub does)
            throw GitFailures.unknownRef(ref, refs.keySet(), " (abbreviated commit ids only match branch or tag tips; give the full 40-character id)",
                    prefix);
        }
        throw GitFailures.unknownRef(ref, refs.keySet(), "", prefix);
    }

    /** Points {@link #TARGET} at a commit fetched by id, if it arrived. */
    private static void pointTargetAt(Repository repository, ObjectId id) throws IOException {
        if (!repository.getObjectDatabase().has(id)) return;
        var update = repository.updateRef(TARGET);
        update.setNewObjectId(id);
        update.setForceUpdate(true);
        update.update();
    }

    private int timeoutSeconds() {
        return (int) Math.max(1, settings.timeout().toSeconds());
    }
}
