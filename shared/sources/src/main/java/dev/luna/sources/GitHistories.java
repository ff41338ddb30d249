package dev.luna.sources;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.revwalk.RevWalk;

/** What a fetched repository holds of a commit's history: how many commits, and whether that is all of it. */
final class GitHistories {
    private GitHistories() {
    }

    static GitHistory of(GitTreeListing tree, Path gitDir, int depth, IgnoreRules rules) throws IOException {
        var repository = tree.repository();
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
