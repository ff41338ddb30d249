package dev.luna.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.local.LocalRuntime;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The luna CLI driven in-process (picocli's execute with captured stdout and stderr, a fake TTY flag and its own
 * environment) against a fresh local runtime: login and its config, agents, followed echo tasks in both progress
 * modes, artifacts, and the exit codes.
 */
class CliIT {
    private static final String KEY = "luna_example_admin_key_for_cli_tests_0001";
    private static final Pattern TASK_ID = Pattern.compile("tsk_[0-9A-Z]{26}");
    private static LocalRuntime runtime;
    private static String url;
    private static String agentId;

    @TempDir
    static Path home;

    /** What a run of the CLI left: its exit code, stdout and stderr. */
    record Run(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    @BeforeAll
    static void start() {
        runtime = LocalRuntime.builder().port(0).dataDirectory(null).adminKey(KEY).start();
        url = runtime.baseUri().toString();
        var created = luna("agents", "create", "--name", "CLI echo worker", "--capability", "echo");
        assertThat(created.exit()).as(created.toString()).isZero();
        agentId = find(Pattern.compile("agt_[0-9A-Z]{26}"), created.out());
        assertThat(luna("agents", "start", agentId).out()).contains("is running");
    }

    @AfterAll
    static void stop() {
        if (runtime != null) runtime.close();
    }

    @Test
    void loginWritesAPrivateConfigThatLaterCommandsUse(@TempDir Path config) throws Exception {
        var env = Map.of("XDG_CONFIG_HOME", config.toString());
        var login = run(env, false, "", "login", "--url", url, "--key", KEY);
        assertThat(login.exit()).as(login.toString()).isZero();
        var file = config.resolve("luna/config.json");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).contains(url).contains(KEY);

        var projects = run(env, false, "", "projects", "list");
        assertThat(projects.exit()).as(projects.toString()).isZero();
        assertThat(projects.out()).contains("default").contains("owner");

        // asked for on stdin when not given
        var asked = run(Map.of("XDG_CONFIG_HOME", config.resolve("asked").toString()), false, url + "\n" + KEY + "\n", "login");
        assertThat(asked.exit()).as(asked.toString()).isZero();
        assertThat(config.resolve("asked/luna/config.json")).exists();
    }

    @Test
    void agentsAreListedAsATableOrAsJson() {
        var table = luna("agents", "list");
        assertThat(table.exit()).isZero();
        assertThat(table.out().lines().findFirst().orElseThrow()).matches("ID +NAME +TYPE +VERSION +STATUS +HEALTH +CAPABILITIES");
        assertThat(table.out()).containsPattern(agentId + " +CLI echo worker +task-executor +1\\.0\\.0 +running");

        var json = luna("agents", "list", "--json");
        assertThat(json.exit()).isZero();
        var agents = Json.parse(json.out());
        assertThat(agents.isArray()).isTrue();
        assertThat(agents.findValuesAsString("id")).contains(agentId);
    }

    @Test
    void aFollowedTaskPrintsEachStepChangeAndDownloadsItsArtifacts(@TempDir Path out) throws Exception {
        var run = luna("tasks", "submit", "echo", "--payload", "{\"message\": \"plain follow\", \"steps\": 3, \"delayMs\": 900, \"artifactName\": \"echo.txt\"}",
                "--agent", agentId, "--priority", "high", "--follow", "--no-progress", "--out", out.toString());
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out()).doesNotContain("\u001b")
                .contains("step 1/").contains("step-1: running").contains("step-1: completed").contains("step-3: completed")
                .containsPattern("(?m)^succeeded +100%")
                .containsPattern("Task tsk_[0-9A-Z]{26} succeeded in ")
                .contains("artifact: echo.txt");
        assertThat(Files.readString(out.resolve("echo.txt"))).isEqualTo("plain follow");
    }

    @Test
    void onATerminalTheProgressBarsAreRedrawnInPlace() {
        var run = run(Map.of(), true, "", "--url", url, "--key", KEY, "tasks", "submit", "echo",
                "--payload", "{\"message\": \"bars\", \"steps\": 2, \"delayMs\": 600}", "--follow");
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out()).contains(TtyProgress.CLEAR_LINE).containsPattern("\u001b\\[\\dA")
                .containsPattern("step-2 \\[#+\\] 100%").containsPattern("total +\\[#{30}\\] 100%  succeeded");
    }

    @Test
    void aCancelledTaskExitsOne() throws Exception {
        var out = new StringWriter();
        var follow = CompletableFuture.supplyAsync(() -> run(env(), false, "", out, "tasks", "submit", "echo",
                "--payload", "{\"message\": \"cancel me\", \"steps\": 20, \"delayMs\": 20000}", "--follow", "--no-progress"));
        String taskId = null;
        for (long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos(); taskId == null || !out.toString().contains("running");) {
            assertThat(System.nanoTime()).as("task started: " + out).isLessThan(deadline);
            Thread.sleep(100);
            var matcher = TASK_ID.matcher(out.toString());
            if (matcher.find()) taskId = matcher.group();
        }
        var cancel = luna("tasks", "cancel", taskId);
        assertThat(cancel.exit()).as(cancel.toString()).isZero();
        var followed = follow.get();
        assertThat(followed.exit()).as(followed.toString()).isEqualTo(ExitCode.TASK_FAILED);
        assertThat(followed.out()).containsPattern("Task tsk_[0-9A-Z]{26} cancelled");
    }

    @Test
    void aFolderIsIndexedWithTheJobFollowedAndThenQueried(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(".gitignore"), "build/\n");
        Files.createDirectories(dir.resolve("src"));
        Files.createDirectories(dir.resolve("build"));
        Files.writeString(dir.resolve("src/Invoice.java"), "/** Invoices. */\npublic class Invoice {\n    /** The sum of all lines plus tax. */\n"
                + "    public long grandTotalCents() { return 42; }\n}\n");
        Files.writeString(dir.resolve("build/Invoice.class.txt"), "compiled output");
        var index = luna("rag", "index", "--source", "dir:" + dir, "--project", "default", "--follow", "--no-progress");
        assertThat(index.exit()).as(index.toString()).isZero();
        assertThat(index.out()).containsPattern("(?m)^succeeded +100%").contains("Index job succeeded").containsPattern("\"filesIndexed\":[12],");

        var query = luna("rag", "query", "grand total of an invoice", "--top-k", "3");
        assertThat(query.exit()).as(query.toString()).isZero();
        assertThat(query.out()).contains("src/Invoice.java").doesNotContain("build/");
    }

    @Test
    void anUnknownIdExitsFourWithTheErrorCode() {
        var run = luna("tasks", "get", "tsk_00000000000000000000000000");
        assertThat(run.exit()).isEqualTo(ExitCode.NOT_FOUND);
        assertThat(run.err()).contains("NOT_FOUND").contains("HTTP 404");
    }

    @Test
    void aBadKeyExitsThree(@TempDir Path config) {
        var run = run(Map.of(), false, "", "--url", url, "--key", "luna_not_a_key_of_this_runtime_00000001", "projects", "list");
        assertThat(run.exit()).isEqualTo(ExitCode.AUTH);
        assertThat(run.err()).contains("UNAUTHENTICATED");

        var login = run(Map.of("XDG_CONFIG_HOME", config.toString()), false, "", "login", "--url", url, "--key", "luna_not_a_key_of_this_runtime_00000001");
        assertThat(login.exit()).isEqualTo(ExitCode.AUTH);
        assertThat(config.resolve("luna/config.json")).doesNotExist();
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(luna("tasks", "submit").exit()).isEqualTo(ExitCode.USAGE);
        assertThat(luna("agents", "list", "--bogus").exit()).isEqualTo(ExitCode.USAGE);
        var badJson = luna("tasks", "submit", "echo", "--payload", "{not json");
        assertThat(badJson.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(badJson.err()).contains("--payload is not valid JSON");
        var noUrl = run(Map.of("XDG_CONFIG_HOME", home.resolve("nothing").toString()), false, "", "agents", "list");
        assertThat(noUrl.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(noUrl.err()).contains("luna login");
    }

    @Test
    void anInvalidPayloadPrintsTheFieldViolations() {
        var run = luna("tasks", "submit", "echo", "--payload", "{\"steps\": 99}");
        assertThat(run.exit()).isEqualTo(ExitCode.API);
        assertThat(run.err()).contains("VALIDATION_FAILED").contains("payload.message: ").contains("payload.steps: ");
    }

    @Test
    void bashCompletionIsGenerated() {
        var run = luna("completion", "bash");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("complete -F").contains("tasks").contains("submit");
    }

    private static Map<String, String> env() {
        return Map.of("LUNA_URL", url, "LUNA_KEY", KEY, "XDG_CONFIG_HOME", home.toString());
    }

    /** The CLI with LUNA_URL/LUNA_KEY set, stdout not a terminal. */
    private static Run luna(String... args) {
        return run(env(), false, "", args);
    }

    private static Run run(Map<String, String> env, boolean tty, String stdin, String... args) {
        return run(env, tty, stdin, new StringWriter(), args);
    }

    private static Run run(Map<String, String> env, boolean tty, String stdin, StringWriter out, String... args) {
        var err = new StringWriter();
        var withHome = new HashMap<>(env);
        withHome.putIfAbsent("HOME", home.toString());
        var terminal = new Terminal(new PrintWriter(out, true), new PrintWriter(err, true),
                new BufferedReader(new StringReader(stdin)), withHome, tty);
        int exit = Luna.commandLine(terminal).execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static String find(Pattern pattern, String text) {
        var matcher = pattern.matcher(text);
        assertThat(matcher.find()).as(text).isTrue();
        return matcher.group();
    }
}
