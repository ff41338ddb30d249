package dev.luna.functions.rag;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How pushes find their watches, which refs a watch follows, and what a delivery must prove. */
class GitWatchTest {
    private static GitWatch watch(String ref) {
        return new GitWatch("job_1", "prj", "https://github.com/acme/billing.git", ref, null, null, null, true, "s3cret-s3cret-s3cret", null,
                null, null, null, null, null, Instant.EPOCH);
    }

    @Test
    void theSameRepositoryHasOneKeyWhateverItsSpelling() {
        String key = GitWatch.repositoryKey("https://github.com/acme/billing.git");
        assertThat(key).isEqualTo("github.com/acme/billing");
        assertThat(GitWatch.repositoryKey("https://GitHub.com/Acme/Billing")).isEqualTo(key);
        assertThat(GitWatch.repositoryKey("https://github.com/acme/billing/")).isEqualTo(key);
        assertThat(GitWatch.repositoryKey("git@github.com:acme/billing.git")).isEqualTo(key);
        assertThat(GitWatch.repositoryKey("ssh://git@github.com/acme/billing.git")).isEqualTo(key);
        assertThat(GitWatch.repositoryKey("https://github.com/acme/billing-api.git")).isNotEqualTo(key);
    }

    @Test
    void aWatchFollowsItsBranchTagOrTheDefaultBranch() {
        assertThat(watch("main").follows("refs/heads/main", "develop")).isTrue();
        assertThat(watch("main").follows("refs/heads/main-2", "main")).isFalse();
        assertThat(watch("v1").follows("refs/tags/v1", "main")).isTrue();
        assertThat(watch(null).follows("refs/heads/develop", "develop")).isTrue();
        assertThat(watch(null).follows("refs/heads/main", "develop")).isFalse();
        assertThat(watch("refs/heads/release").follows("refs/heads/release", null)).isTrue();
    }

    @Test
    void aGithubDeliveryIsSignedWithTheHmacOfItsRawBodyAndAGitlabOneCarriesTheToken() {
        String body = "{\"ref\":\"refs/heads/main\",\"after\":\"" + "a".repeat(40) + "\",\"repository\":{\"clone_url\":\"https://github.com/acme/billing.git\"}}";
        String signature = "sha256=" + dev.luna.core.Hashes.hmacSha256Hex("s3cret-s3cret-s3cret", body);
        var push = GitPush.parse(h -> switch (h) {
            case "X-GitHub-Event" -> Optional.of("push");
            case "X-Hub-Signature-256" -> Optional.of(signature);
            default -> Optional.empty();
        }, body);
        assertThat(push.isPush()).isTrue();
        assertThat(push.repositoryUrls()).containsExactly("https://github.com/acme/billing.git");
        assertThat(push.signedWith("s3cret-s3cret-s3cret", body)).isTrue();
        assertThat(push.signedWith("s3cret-s3cret-s3creT", body)).isFalse();
        assertThat(push.signedWith("s3cret-s3cret-s3cret", body + " ")).as("another body").isFalse();

        var lab = GitPush.parse(h -> switch (h) {
            case "X-Gitlab-Event" -> Optional.of("Push Hook");
            case "X-Gitlab-Token" -> Optional.of("s3cret-s3cret-s3cret");
            default -> Optional.empty();
        }, "{\"ref\":\"refs/heads/main\",\"after\":\"" + "0".repeat(40) + "\",\"project\":{\"git_http_url\":\"https://gitlab.com/acme/billing.git\"}}");
        assertThat(lab.signedWith("s3cret-s3cret-s3cret", "ignored")).isTrue();
        assertThat(lab.deleted()).as("an all-zero after deletes the branch").isTrue();
    }
}
