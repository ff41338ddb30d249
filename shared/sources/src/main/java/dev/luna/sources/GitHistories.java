package dev.luna.sources;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * What a fetched repository holds of a commit's history: how many commits, and whether that is all of it. Its HEAD is
 * detached at the commit, so any git tool (and JGit's {@code resolve("HEAD")}) reads the checked-out revision.
 */
final class GitHistories {
    private GitHistories() {
    }

    static GitHistory of(GitTreeListing tree, Path gitDir, int depth, IgnoreRules rules) throws IOException {
        var repository = tree.repository();
        var head = repository.updateRef(Constants.HEAD, true);
        head.setNewObjectId(tree.commit());
        head.forceUpdate();
        int commits = 0;
        try (RevWalk walk = new RevWalk(repository)) {
            walk.markStart(walk.parseCommit(tree.commit()));
            while (walk.next() != null && commits <= depth) commits++;
        }
        boolean complete = repository.getObjectDatabase().getShallowCommits().isEmpty();
        var tracked = tree.tracked().stream().sorted().toList();
        List<String> ignored = rules.isEmpty() ? List.of() : tracked.stream().filter(rules::ignored).toList();
        return new GitHistory(gitDir, tree.commit().name(), Math.min(commits, depth), complete, tracked, ignored);
    }
}
