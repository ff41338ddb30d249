package dev.luna.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Source arguments become the API's source objects: folders inline (with .gitignore), archives, git URLs. */
class CliSourcesTest {

    @Test
    void aFolderIsSentInlineWithoutWhatGitignoreLists(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(".gitignore"), "# build output\nbuild/\n*.log\n/secret.txt\n!keep.log\n");
        Files.createDirectories(dir.resolve("src/build"));
        Files.createDirectories(dir.resolve(".git"));
        Files.writeString(dir.resolve("src/App.java"), "class App {}\n");
        Files.writeString(dir.resolve("src/build/gen.java"), "generated");
        Files.writeString(dir.resolve("debug.log"), "log");
        Files.writeString(dir.resolve("src/deep.log"), "log");
        Files.writeString(dir.resolve("secret.txt"), "s");
        Files.writeString(dir.resolve("src/secret.txt"), "not anchored here");
        Files.writeString(dir.resolve(".git/HEAD"), "ref: refs/heads/main");
        Files.write(dir.resolve("logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2});

        var source = Sources.parse("dir:" + dir, Sources.TASK_PAYLOAD_LIMIT);
        assertThat(source.get("type").asString()).isEqualTo("inline");
        assertThat(source.get("files").findValuesAsString("path"))
                .containsExactly(".gitignore", "logo.png", "src/App.java", "src/secret.txt");
        assertThat(source.get("files").get(1).get("contentBase64").asString()).isEqualTo("iVBORwABAg==");
        assertThat(source.get("files").get(2).get("content").asString()).isEqualTo("class App {}\n");
    }

    @Test
    void aFolderOverTheLimitIsAUsageError(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("big.txt"), "x".repeat(300 * 1024));
        assertThatThrownBy(() -> Sources.parse("dir:" + dir, Sources.TASK_PAYLOAD_LIMIT))
                .isInstanceOfSatisfying(CliException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
                .hasMessageContaining("256 KiB");
    }

    @Test
    void gitUrlsAndArchives(@TempDir Path dir) throws Exception {
        var git = Sources.parse("git:https://github.com/acme/app.git#v1.2.0", Sources.TASK_PAYLOAD_LIMIT);
        assertThat(Json.compact(git)).isEqualTo("{\"type\":\"git\",\"url\":\"https://github.com/acme/app.git\",\"ref\":\"v1.2.0\"}");
        Files.write(dir.resolve("p.tar.gz"), new byte[] {1, 2, 3});
        var archive = Sources.parse("zip:" + dir.resolve("p.tar.gz"), Sources.TASK_PAYLOAD_LIMIT);
        assertThat(Json.compact(archive)).isEqualTo("{\"type\":\"archive\",\"format\":\"tar.gz\",\"contentBase64\":\"AQID\"}");
        assertThatThrownBy(() -> Sources.parse("git:ssh://host/repo", Sources.TASK_PAYLOAD_LIMIT)).isInstanceOf(CliException.class);
        assertThatThrownBy(() -> Sources.parse("nowhere", Sources.TASK_PAYLOAD_LIMIT)).isInstanceOf(CliException.class);
    }

    @Test
    void serverSentEventsAreParsedWithTheirIds() {
        var events = TaskFollower.parse("retry: 250\n: keep-alive\n\nid: 6\nevent: task_progress\ndata: {\"status\":\"running\"}\n\n"
                + "id: 9\nevent: task_status\ndata: {\"status\":\ndata: \"succeeded\"}\n\n");
        assertThat(events).hasSize(2);
        assertThat(events.get(0).id()).isEqualTo("6");
        assertThat(events.get(0).name()).isEqualTo("task_progress");
        assertThat(events.get(1).data().get("status").asString()).isEqualTo("succeeded");
        assertThat(TaskFollower.parse(": keep-alive\n\n")).isEmpty();
    }
}
