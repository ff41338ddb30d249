package dev.luna.functions.rag;

import dev.luna.core.ErrorCode;
import dev.luna.core.LunaException;
import dev.luna.core.ValidationException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.InvalidRemoteException;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ProgressMonitor;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.TagOpt;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.util.FileUtils;

/**
 * Git repositories as an index source: {@code {"type":"git","url":"https://…","ref":"main","credentialsSecret":"…"}}.
 *
 * <p>At submission only what can be checked without the network is checked: the URL's form and scheme (https; plain
 * http, {@code file://} URLs and absolute local paths only with {@link #ALLOW_LOCAL}), no credentials inside the URL,
 * no loopback/private/link-local host literal (unless {@link #ALLOW_PRIVATE_HOSTS}), the ref's syntax (a branch, a
 * tag, a full ref name or a commit id) and the secret's name. In the worker the repository is fetched shallowly
 * (depth 1, one ref, no tags) into a bare repository in a temporary directory — the host's addresses are checked
 * again after DNS, redirects are not followed, the fetch is cancelled past {@link #TIMEOUT} or once the repository
 * on disk exceeds {@link #MAX_BYTES} — and the files are read straight from the commit's tree with the limits of
 * archives (per-file size, total size, file count); the directory is deleted afterwards. Unknown refs and unreachable
 * or refusing repositories fail the job with a message that says which; the index is left as it was.
 *
 * <p>Credentials: {@code credentialsSecret} names a token (or {@code user:token}) that the worker looks up — the
 * setting {@code LUNA_RAG_GIT_TOKEN_<NAME>} (upper-cased, {@code -}/{@code .} as {@code _}), or in AWS the Secrets
 * Manager secret {@code <LUNA_RAG_GIT_SECRET_PREFIX><name>}. Only the name is stored with the job; the token is
 * never logged or stored.
 */
final class GitSource {
    static final String ALLOW_LOCAL = "LUNA_RAG_GIT_ALLOW_LOCAL";
    static final String ALLOW_PRIVATE_HOSTS = "LUNA_RAG_GIT_ALLOW_PRIVATE_HOSTS";
    static final String TIMEOUT = "LUNA_RAG_GIT_TIMEOUT_SECONDS";
    static final String MAX_BYTES = "LUNA_RAG_GIT_MAX_BYTES";
    static final String SECRET_PREFIX = "LUNA_RAG_GIT_SECRET_PREFIX";
    static final String TOKEN_SETTING_PREFIX = "LUNA_RAG_GIT_TOKEN_";
    static final int MAX_URL_CHARS = 2048;
    static final int MAX_FILES = Archives.MAX_ENTRIES;
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{7,40}");
    private static final Pattern SECRET_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final String TARGET = "refs/luna/target";
    private static final Pattern STATUS_401_403 = Pattern.compile("\\b40[13]\\b");
    private static final Pattern STATUS_404 = Pattern.compile("\\b404\\b");

    /**
     * @param tokens looks a credentials secret up by name (null when there is none)
     */
    record Settings(boolean allowLocal, boolean allowPrivateHosts, Duration timeout, long maxRepositoryBytes, Function<String, String> tokens) {
        static final Settings STRICT = new Settings(false, false, Duration.ofSeconds(120), 256L * 1024 * 1024, name -> null);
    }

    /** What a fetch produced: the selected files of the commit, and the commit's id. */
    record Fetched(List<SourceFile> files, String commit) {
    }

    private final Settings settings;

    GitSource(Settings settings) {
        this.settings = settings;
    }

    Settings settings() {
        return settings;
    }

    // ---- submission

    /** Checks the source without touching the network; 400 with the field at fault. */
    void validate(Requests.Source source) {
        target(source.url());
        String ref = source.ref();
        if (ref != null) {
            if (ref.isBlank() || ref.length() > 255) throw new ValidationException("source.ref", "must be a branch, tag or commit of 1 to 255 characters");
            boolean name = Repository.isValidRefName(ref.startsWith("refs/") ? ref : Constants.R_HEADS + ref);
            if (!name && !HEX.matcher(ref).matches()) throw new ValidationException("source.ref", "'" + shorten(ref) + "' is not a valid branch, tag or commit");
        }
        if (source.credentialsSecret() != null && !SECRET_NAME.matcher(source.credentialsSecret()).matches()) {
            throw new ValidationException("source.credentialsSecret", "must be a secret name of 1 to 64 letters, digits, '.', '_' or '-'");
        }
    }

    /** The URL JGit is given: https (or, when allowed, http or file) with its host checked. */
    String target(String url) {
        if (url == null || url.isBlank()) throw new ValidationException("source.url", "is required for git sources");
        if (url.length() > MAX_URL_CHARS) throw new ValidationException("source.url", "must be at most " + MAX_URL_CHARS + " characters");
        if (url.startsWith("/")) {
            if (!settings.allowLocal()) throw new ValidationException("source.url", "local paths are not allowed in this deployment; use an https URL");
            return local(Path.of(url));
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new ValidationException("source.url", "is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        switch (scheme) {
            case "https" -> {
            }
            case "http" -> {
                if (!settings.allowLocal()) throw new ValidationException("source.url", "must use https (plain http is not allowed in this deployment)");
            }
            case "file" -> {
                if (!settings.allowLocal()) throw new ValidationException("source.url", "file URLs are not allowed in this deployment; use an https URL");
                if (uri.getPath() == null || uri.getPath().isEmpty()) throw new ValidationException("source.url", "is not a valid file URL");
                return local(Path.of(uri.getPath()));
            }
            case "" -> throw new ValidationException("source.url", "must be an absolute https URL");
            default -> throw new ValidationException("source.url", "scheme '" + shorten(scheme) + "' is not supported; use https");
        }
        if (uri.getRawUserInfo() != null) {
            throw new ValidationException("source.url", "must not contain credentials; name a secret in source.credentialsSecret instead");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) throw new ValidationException("source.url", "must name a host");
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) throw new ValidationException("source.url", "must not have a query or fragment");
        if (!settings.allowPrivateHosts() && dev.luna.core.PrivateHosts.isPrivate(uri.getHost())) {
            throw new ValidationException("source.url", "must not point at a loopback, private or link-local address");
        }
        return uri.toString();
    }

    private static String local(Path path) {
        Path p = path.toAbsolutePath().normalize();
        if (!Files.isDirectory(p)) throw new ValidationException("source.url", "no repository directory at " + shorten(p.toString()));
        return p.toUri().toString();
    }

    // ---- worker

    /** Fetches the ref and reads the selected files of its commit; a {@link LunaException} says why not. */
    Fetched fetch(Requests.Source source, List<PathMatcher> include, List<PathMatcher> exclude, List<FileError> errors) {
        String url = target(source.url());
        if (!settings.allowPrivateHosts()) checkResolvedHost(url);
        CredentialsProvider credentials = credentials(source.credentialsSecret());
        Path dir;
        try {
            dir = Files.createTempDirectory("luna-git-");
        } catch (IOException e) {
            throw new IllegalStateException("no temporary directory for the clone: " + e.getMessage(), e);
        }
        var monitor = new Guard(dir, settings.maxRepositoryBytes(), System.nanoTime() + settings.timeout().toNanos());
        String wanted = null;
        try (Git git = Git.init().setBare(true).setDirectory(dir.toFile()).call()) {
            var config = git.getRepository().getConfig();
            config.setString("http", null, "followRedirects", "false");
            config.setInt("gc", null, "auto", 0); // no background gc in a directory about to be deleted
            config.setBoolean("gc", null, "autoDetach", false);
            config.save();
            wanted = resolve(git, url, source.ref(), credentials);
            fetchOne(git, url, wanted, credentials, monitor);
            if (monitor.stopped != null) throw stopped(url, monitor); // a cancelled fetch returns without the ref
            if (git.getRepository().resolve(TARGET) == null) {
                throw new LunaException(ErrorCode.VALIDATION_FAILED, "git source " + url + ": the repository did not send " + wanted, Map.of("field", "source.ref"));
            }
            return read(git.getRepository(), include, exclude, errors);
        } catch (GitAPIException | IOException e) {
            if (wanted != null && ObjectId.isId(wanted) && monitor.stopped == null) {
                throw new LunaException(ErrorCode.VALIDATION_FAILED, "git source " + url + ": commit " + wanted + " could not be fetched (no such "
                        + "commit, or the server does not serve commits that are not branch or tag tips by id)", Map.of("field", "source.ref"));
            }
            throw failure(url, source.ref(), e, monitor);
        } finally {
            try {
                FileUtils.delete(dir.toFile(), FileUtils.RECURSIVE | FileUtils.RETRY | FileUtils.SKIP_MISSING);
            } catch (IOException e) {
                org.slf4j.LoggerFactory.getLogger(GitSource.class).warn("could not delete the clone in {}: {}", dir, e.toString());
            }
        }
    }

    private CredentialsProvider credentials(String secret) {
        if (secret == null) return null;
        String value = settings.tokens().apply(secret);
        if (value == null || value.isBlank()) {
            throw new LunaException(ErrorCode.VALIDATION_FAILED, "credentials secret '" + secret + "' is not configured for this deployment",
                    Map.of("field", "source.credentialsSecret"));
        }
        value = value.strip();
        int colon = value.indexOf(':');
        // a bare token works with GitHub and GitLab access tokens (any user name); others take user:token
        return colon > 0 ? new UsernamePasswordCredentialsProvider(value.substring(0, colon), value.substring(colon + 1))
                : new UsernamePasswordCredentialsProvider("x-access-token", value);
    }

    /** The host's addresses after DNS must not be private either (a public name pointing inside is refused). */
    private static void checkResolvedHost(String url) {
        String host = URI.create(url).getHost();
        if (host == null) return; // file URLs, only when local sources are allowed
        try {
            for (InetAddress a : InetAddress.getAllByName(host)) {
                if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                        || dev.luna.core.PrivateHosts.isPrivate(a.getHostAddress())) {
                    throw new LunaException(ErrorCode.VALIDATION_FAILED, "git host " + host + " resolves to a private address; not fetched",
                            Map.of("field", "source.url"));
                }
            }
        } catch (UnknownHostException e) {
            throw new LunaException(ErrorCode.VALIDATION_FAILED, "git host " + host + " could not be resolved", Map.of("field", "source.url"));
        }
    }

    /** The remote ref (or commit id) to fetch: the named branch, tag or ref, a commit, or the default branch. */
    private String resolve(Git git, String url, String ref, CredentialsProvider credentials) throws GitAPIException {
        Map<String, Ref> refs = git.lsRemote().setRemote(url).setCredentialsProvider(credentials).setTags(false).setHeads(false)
                .setTimeout(timeoutSeconds()).callAsMap();
        if (ref == null) {
            Ref head = refs.get(Constants.HEAD);
            if (head == null) throw new LunaException(ErrorCode.VALIDATION_FAILED, "repository " + url + " has no default branch (empty repository?)",
                    Map.of("field", "source.ref"));
            return head.isSymbolic() ? head.getTarget().getName() : Constants.HEAD;
        }
        for (String candidate : ref.startsWith("refs/") ? List.of(ref) : List.of(Constants.R_HEADS + ref, Constants.R_TAGS + ref)) {
            if (refs.containsKey(candidate)) return candidate;
        }
        if (HEX.matcher(ref).matches()) {
            String lower = ref.toLowerCase(Locale.ROOT);
            for (Ref r : refs.values()) {
                ObjectId id = r.getObjectId();
                if (id != null && id.name().startsWith(lower) && !r.isSymbolic()) return r.getName();
            }
            if (lower.length() == 40) return lower; // not a tip: fetched by id (servers allowing reachable commits, as GitHub does)
            throw unknownRef(ref, refs.keySet(), " (abbreviated commit ids only match branch or tag tips; give the full 40-character id)");
        }
        throw unknownRef(ref, refs.keySet(), "");
    }

    private static LunaException unknownRef(String ref, Collection<String> names, String hint) {
        var branches = names.stream().filter(n -> n.startsWith(Constants.R_HEADS)).map(n -> n.substring(Constants.R_HEADS.length())).sorted().limit(10).toList();
        return new LunaException(ErrorCode.VALIDATION_FAILED, "ref '" + shorten(ref) + "' was not found in the repository" + hint
                + (branches.isEmpty() ? "" : "; branches include " + String.join(", ", branches)), Map.of("field", "source.ref"));
    }

    private void fetchOne(Git git, String url, String wanted, CredentialsProvider credentials, ProgressMonitor monitor) throws GitAPIException {
        git.fetch().setRemote(url).setRefSpecs(new RefSpec("+" + wanted + ":" + TARGET)).setDepth(1).setTagOpt(TagOpt.NO_TAGS)
                .setCredentialsProvider(credentials).setTimeout(timeoutSeconds()).setProgressMonitor(monitor).call();
    }

    private int timeoutSeconds() {
        return (int) Math.max(1, settings.timeout().toSeconds());
    }

    private Fetched read(Repository repo, List<PathMatcher> include, List<PathMatcher> exclude, List<FileError> errors) throws IOException {
        ObjectId target = repo.resolve(TARGET);
        if (target == null) throw new IllegalStateException("the fetched ref is missing");
        var files = new ArrayList<SourceFile>();
        long total = 0;
        int entries = 0;
        try (RevWalk walk = new RevWalk(repo); TreeWalk tree = new TreeWalk(repo)) {
            RevCommit commit = walk.parseCommit(target);
            tree.addTree(commit.getTree());
            tree.setRecursive(true);
            while (tree.next()) {
                if (++entries > MAX_FILES * 5) {
                    throw new LunaException(ErrorCode.PAYLOAD_TOO_LARGE, "repository has more than " + MAX_FILES * 5 + " files; nothing was indexed",
                            Map.of("limitFiles", MAX_FILES * 5));
                }
                String path = tree.getPathString();
                if (!Indexer.selected(path, include, exclude)) continue;
                FileMode mode = tree.getFileMode(0);
                if (mode == FileMode.GITLINK) {
                    errors.add(new FileError(path, "git submodule; not fetched"));
                    continue;
                }
                if (mode == FileMode.SYMLINK) {
                    errors.add(new FileError(path, "symbolic link; not followed"));
                    continue;
                }
                if (files.size() >= MAX_FILES) {
                    throw new LunaException(ErrorCode.PAYLOAD_TOO_LARGE, "more than " + MAX_FILES + " files are selected; narrow them with include/exclude globs",
                            Map.of("limitFiles", MAX_FILES));
                }
                var loader = repo.open(tree.getObjectId(0));
                long size = loader.getSize();
                int limit = MediaFiles.readLimit(path, size);
                if (limit == 0) {
                    errors.add(new FileError(path, "larger than " + (MediaFiles.kindOf(path) == MediaFiles.Kind.PDF ? MediaFiles.MAX_PDF_BYTES
                            : Archives.MAX_FILE_BYTES) + " bytes"));
                    continue;
                }
                if (limit > 0) { // a large image or recording: its head is enough for its metadata
                    try (var in = loader.openStream()) {
                        byte[] head = in.readNBytes(limit);
                        total += head.length;
                        files.add(new SourceFile(Archives.safePath(path), head, size));
                    }
                    continue;
                }
                total += size;
                if (total > Archives.MAX_TOTAL_BYTES) {
                    throw new LunaException(ErrorCode.PAYLOAD_TOO_LARGE, "selected files exceed " + Archives.MAX_TOTAL_BYTES
                            + " bytes; narrow them with include/exclude globs", Map.of("limitBytes", Archives.MAX_TOTAL_BYTES));
                }
                files.add(new SourceFile(Archives.safePath(path), loader.getBytes()));
            }
            return new Fetched(files, commit.name());
        }
    }

    private static LunaException stopped(String url, Guard guard) {
        return new LunaException(ErrorCode.PAYLOAD_TOO_LARGE, "git source " + url + ": fetching stopped: " + guard.stopped + "; nothing was indexed",
                Map.of("field", "source.url"));
    }

    private LunaException failure(String url, String ref, Exception e, Guard guard) {
        if (guard.stopped != null) return stopped(url, guard);
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) cause = cause.getCause();
        // the URL (its port, its path) must not be mistaken for a status code
        String low = (detail + " " + cause.getMessage()).replace(url, " ").toLowerCase(Locale.ROOT);
        String why;
        if (low.contains("not authorized") || low.contains("authentication") || STATUS_401_403.matcher(low).find()) {
            why = "the repository refused access (private? name a token in source.credentialsSecret)";
        } else if (low.contains("want") && low.contains("not valid") || low.contains("not our ref")) {
            why = "commit " + shorten(String.valueOf(ref)) + " is not available from the repository";
        } else if (e instanceof InvalidRemoteException || low.contains("not found") || STATUS_404.matcher(low).find()) {
            why = "no repository at this URL";
        } else if (e instanceof TransportException) {
            why = "the repository could not be reached: " + shorten(detail.replace(url, "").replaceAll("^[:\\s]+", ""));
        } else {
            why = shorten(detail);
        }
        return new LunaException(ErrorCode.VALIDATION_FAILED, "git source " + url + ": " + why, Map.of("field", "source.url"));
    }

    private static String shorten(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    /** Cancels the fetch past its deadline or once the repository on disk grows beyond the limit. */
    private static final class Guard implements ProgressMonitor {
        private final Path dir;
        private final long maxBytes;
        private final long deadline;
        private long updates;
        volatile String stopped;

        Guard(Path dir, long maxBytes, long deadline) {
            this.dir = dir;
            this.maxBytes = maxBytes;
            this.deadline = deadline;
        }

        @Override
        public boolean isCancelled() {
            if (stopped != null) return true;
            if (System.nanoTime() > deadline) stopped = "it took longer than the clone timeout (" + TIMEOUT + ")";
            else if (updates++ % 64 == 0 && size() > maxBytes) stopped = "the repository is larger than " + maxBytes + " bytes (" + MAX_BYTES + ")";
            return stopped != null;
        }

        private long size() {
            try (Stream<Path> s = Files.walk(dir)) {
                return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
            } catch (IOException | java.io.UncheckedIOException e) {
                return 0;
            }
        }

        @Override
        public void start(int totalTasks) {
        }

        @Override
        public void beginTask(String title, int totalWork) {
        }

        @Override
        public void update(int completed) {
        }

        @Override
        public void endTask() {
        }

        @Override
        public void showDuration(boolean enabled) {
        }
    }

    /** The token behind a credentials secret name: a setting, or a Secrets Manager secret under the configured prefix. */
    static Function<String, String> tokenLookup(Function<String, String> setting, String secretPrefix, String region) {
        return name -> {
            String key = TOKEN_SETTING_PREFIX + name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
            String v = setting.apply(key);
            if (v != null) return v;
            if (secretPrefix == null || secretPrefix.isBlank()) return null;
            try (var sm = software.amazon.awssdk.services.secretsmanager.SecretsManagerClient.builder()
                    .region(software.amazon.awssdk.regions.Region.of(region)).build()) {
                return sm.getSecretValue(b -> b.secretId(secretPrefix + name)).secretString();
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(GitSource.class).warn("could not read git credentials secret {}: {}", name, e.getClass().getSimpleName());
                return null;
            }
        };
    }
}
