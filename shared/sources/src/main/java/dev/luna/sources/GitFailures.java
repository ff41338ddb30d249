package dev.luna.sources;

import dev.luna.core.ErrorCode;
import dev.luna.core.LunaException;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.errors.InvalidRemoteException;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.lib.Constants;

/** Why a git fetch failed, in words a user can act on; each a {@link LunaException} naming the field at fault. */
final class GitFailures {
    private static final Pattern STATUS_401_403 = Pattern.compile("\\b40[13]\\b");
    private static final Pattern STATUS_404 = Pattern.compile("\\b404\\b");

    private GitFailures() {
    }

    static LunaException stopped(String url, String why, String prefix) {
        return new LunaException(ErrorCode.PAYLOAD_TOO_LARGE, "git source " + url + ": fetching stopped: " + why + "; nothing was read",
                Map.of("field", prefix + ".url"));
    }

    static LunaException unknownRef(String ref, Collection<String> names, String hint, String prefix) {
        var branches = names.stream().filter(n -> n.startsWith(Constants.R_HEADS)).map(n -> n.substring(Constants.R_HEADS.length())).sorted()
                .limit(10).toList();
        return new LunaException(ErrorCode.VALIDATION_FAILED, "ref '" + GitUrls.shorten(ref) + "' was not found in the repository" + hint
                + (branches.isEmpty() ? "" : "; branches include " + String.join(", ", branches)), Map.of("field", prefix + ".ref"));
    }

    static LunaException noDefaultBranch(String url, String prefix) {
        return new LunaException(ErrorCode.VALIDATION_FAILED, "repository " + url + " has no default branch (empty repository?)",
                Map.of("field", prefix + ".ref"));
    }

    static LunaException notSent(String url, String wanted, String prefix) {
        return new LunaException(ErrorCode.VALIDATION_FAILED, "git source " + url + ": the repository did not send " + wanted,
                Map.of("field", prefix + ".ref"));
    }

    static LunaException commitNotFetched(String url, String commit, String prefix) {
        return new LunaException(ErrorCode.VALIDATION_FAILED, "git source " + url + ": commit " + commit + " could not be fetched (no such "
                + "commit, or the server does not serve commits that are not branch or tag tips by id)", Map.of("field", prefix + ".ref"));
    }

    /** Access refused, no repository, an unknown commit, an unreachable host, or what JGit said. */
    static LunaException of(String url, String ref, Exception e, String prefix) {
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) cause = cause.getCause();
        // the URL (its port, its path) must not be mistaken for a status code
        String low = (detail + " " + cause.getMessage()).replace(url, " ").toLowerCase(Locale.ROOT);
        String why;
        if (low.contains("not authorized") || low.contains("authentication") || STATUS_401_403.matcher(low).find()) {
            why = "the repository refused access (private? name a token in " + prefix + ".credentialsSecret)";
        } else if (low.contains("want") && low.contains("not valid") || low.contains("not our ref")) {
            why = "commit " + GitUrls.shorten(String.valueOf(ref)) + " is not available from the repository";
        } else if (e instanceof InvalidRemoteException || low.contains("not found") || STATUS_404.matcher(low).find()) {
            why = "no repository at this URL";
        } else if (e instanceof TransportException) {
            why = "the repository could not be reached: " + GitUrls.shorten(detail.replace(url, "").replaceAll("^[:\\s]+", ""));
        } else {
            why = GitUrls.shorten(detail);
        }
        return new LunaException(ErrorCode.VALIDATION_FAILED, "git source " + url + ": " + why, Map.of("field", prefix + ".url"));
    }
}
