package dev.luna.sources;

import java.nio.file.Path;
import java.util.List;

/**
 * The git side of a {@link Checkout}: a bare repository holding the checked-out commit and its history, at most
 * {@link GitSettings#historyDepth()} commits deep (one ref, no tags), for tasks that scan history (secrets in past
 * commits, large blobs). Read it with JGit ({@code new FileRepositoryBuilder().setGitDir(gitDir)}) or any git.
 *
 * @param gitDir            the bare repository ({@code <checkout directory>/repo.git})
 * @param commit            the commit checked out (40 hex digits); the ref {@code refs/luna/target} and the detached HEAD point at it
 * @param commits           how many commits of its history the repository holds (at most the history depth)
 * @param complete          true when that is its whole history (the fetch did not cut it short)
 * @param tracked           every path of the commit's tree that is not a directory (files, symbolic links, submodules),
 *                          sorted
 * @param trackedButIgnored the tracked paths that the tree's own {@code .gitignore} files ignore (committed before the
 *                          rule, or added with force), sorted; they are checked out like every tracked file
 */
public record GitHistory(Path gitDir, String commit, int commits, boolean complete, List<String> tracked, List<String> trackedButIgnored) {
    public GitHistory {
        tracked = List.copyOf(tracked);
        trackedButIgnored = List.copyOf(trackedButIgnored);
    }
}
