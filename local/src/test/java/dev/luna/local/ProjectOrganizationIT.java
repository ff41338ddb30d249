package dev.luna.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.sources.GitHttpStandIn;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.util.FileUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code project-organization} end to end on a git source served over smart HTTP (a runtime that allows local hosts,
 * as {@code ./scripts/local} does): the history holds a secret that a later commit removed and a committed build
 * output; the task finds them, an unused class and the missing {@code .gitignore}, and its {@code cleanup.patch}
 * applies with the real {@code git am} to a clone of the analysed revision. No artifact holds the secret.
 */
class ProjectOrganizationIT {
    static final String SECRET = "q8Zt2XvK7mR4pLw9Nc3Hs6Bf1Jd5Gy0TaUe8WxQk";
    static Path repoDir;
    static Git repo;
    static GitHttpStandIn server;
    static Api api;
    static TaskTypeRuns runs;

    @BeforeAll
    static void start() throws Exception {
        api = RagSourcesRuntime.get().api;
        runs = new TaskTypeRuns(api);
        repoDir = Files.createTempDirectory("luna-organization-repo");
        repo = Git.init().setDirectory(repoDir.toFile()).setInitialBranch("main").call();
        write("pom.xml", "<project xmlns=\"http://maven.apache.org/POM/4.0.0\"><modelVersion>4.0.0</modelVersion>"
                + "<groupId>com.acme</groupId><artifactId>shop</artifactId><version>1.0.0</version></project>\n");
        write("src/main/java/com/acme/App.java", "package com.acme;\n\npublic class App {\n    public static void main(String[] args) {\n"
                + "        System.out.println(Greeting.text());\n    }\n}\n");
        write("src/main/java/com/acme/Greeting.java", "package com.acme;\n\nfinal class Greeting {\n    static String text() {\n        return \"hi\";\n    }\n}\n");
        write("src/main/java/com/acme/legacy/OldHelper.java", "package com.acme.legacy;\n\npublic class OldHelper {\n    int twice(int x) {\n        return 2 * x;\n    }\n}\n");
        write("config/app.properties", "aws.secret_access_key=" + SECRET + "\n");
        Files.createDirectories(repoDir.resolve("target/classes/com/acme"));
        Files.write(repoDir.resolve("target/classes/com/acme/App.class"), new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 65});
        commit("Initial version");
        Files.delete(repoDir.resolve("config/app.properties"));
        repo.rm().addFilepattern("config/app.properties").call();
        commit("Move the key to the vault");
        server = new GitHttpStandIn(repo.getRepository());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        repo.close();
        FileUtils.delete(repoDir.toFile(), FileUtils.RECURSIVE | FileUtils.RETRY);
    }

    static void write(String path, String content) throws Exception {
        Path p = repoDir.resolve(path);
        Files.createDirectories(p.getParent() == null ? repoDir : p.getParent());
        Files.writeString(p, content);
    }

    static void commit(String message) throws Exception {
        repo.add().addFilepattern(".").call();
        repo.commit().setMessage(message).setAuthor("Dev", "dev@example.com").setCommitter("Dev", "dev@example.com").setSign(false).call();
    }

    @Test
    void aRepositoryGetsACleanUpPlanWhosePatchAppliesWithGitAm() throws Exception {
        String agent = runs.agent();
        var task = runs.run(agent, "project-organization", "{\"source\":{\"type\":\"git\",\"url\":\"" + server.url() + "\",\"ref\":\"main\"}}");
        assertThat(task.get("status").asString()).as(task.toString()).isEqualTo("succeeded");
        var result = task.get("result");
        assertThat(result.get("summary").get("revision").asString()).isEqualTo(repo.getRepository().resolve("HEAD").name());
        var kinds = result.get("findings").findValuesAsString("kind");
        assertThat(kinds).contains("unused-java-class", "tracked-build-output", "gitignore-missing", "secret-in-history");
        assertThat(result.get("findings").findValuesAsString("subject")).contains("src/main/java/com/acme/legacy/OldHelper.java")
                .doesNotContain("src/main/java/com/acme/Greeting.java");
        assertThat(task.get("progress").get("steps").findValuesAsString("name")).containsExactly("checkout", "analyse", "generate", "package");

        var artifacts = runs.artifacts(task.get("id").asString());
        assertThat(artifacts).containsOnlyKeys("report.md", "report.json", "cleanup.patch");
        for (var bytes : artifacts.values()) assertThat(new String(bytes, StandardCharsets.UTF_8)).doesNotContain(SECRET);
        assertThat(result.toString()).doesNotContain(SECRET);
        String patch = new String(artifacts.get("cleanup.patch"), StandardCharsets.UTF_8);
        assertThat(patch).startsWith("From ").contains("Subject: [PATCH 1/");

        Path clone = Files.createTempDirectory("luna-organization-clone");
        try {
            Git.cloneRepository().setURI(repoDir.toUri().toString()).setDirectory(clone.toFile()).call().close();
            Path file = clone.resolve("../cleanup-" + ProcessHandle.current().pid() + ".patch").normalize();
            Files.write(file, artifacts.get("cleanup.patch"));
            try {
                assertThat(git(clone, "apply", "--check", file.toString())).isZero();
                assertThat(git(clone, "-c", "user.name=Test", "-c", "user.email=test@example.com", "am", file.toString())).isZero();
            } finally {
                Files.deleteIfExists(file);
            }
            assertThat(clone.resolve("src/main/java/com/acme/legacy/OldHelper.java")).doesNotExist();
            assertThat(clone.resolve("src/main/java/com/acme/Greeting.java")).exists();
            assertThat(Files.readString(clone.resolve(".gitignore"))).contains("target/");
        } finally {
            FileUtils.delete(clone.toFile(), FileUtils.RECURSIVE | FileUtils.RETRY);
        }
    }

    @Test
    void noChecksOfThatNameIsAFourHundred() {
        var r = runs.submit(runs.agent(), "project-organization", "{\"source\":{\"type\":\"git\",\"url\":\"" + server.url()
                + "\"},\"options\":{\"checks\":[\"tidy-up\"]}}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").get("details").toString()).contains("payload.options.checks[0]");
    }

    /** Runs the real git CLI in {@code dir}; its exit code (output shown on failure). */
    static int git(Path dir, String... args) throws Exception {
        var command = new java.util.ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        var process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        if (process.exitValue() != 0) System.err.println("git " + String.join(" ", args) + ":\n" + out);
        return process.exitValue();
    }
}
