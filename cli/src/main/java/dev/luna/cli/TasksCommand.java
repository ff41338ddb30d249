package dev.luna.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** luna tasks: submit (and follow), list, get, cancel, retry, result, artifacts. */
@Command(name = "tasks", description = "Tasks: submit (--follow), list, get, cancel, retry, result, artifacts",
        subcommands = TaskSubmitCommand.class)
final class TasksCommand extends Group {
    static final List<Output.Column> COLUMNS = List.of(Output.Column.of("ID", "id"), Output.Column.of("TYPE", "type"),
            Output.Column.of("STATUS", "status"), Output.Column.of("PRIORITY", "queue"), Output.Column.of("PROGRESS", "progress.percentage"),
            Output.Column.of("AGENT", "agentId"), Output.Column.of("CREATED", "createdAt"));

    @Command(name = "list", description = "List tasks, newest first (filters narrow it)")
    int list(@Option(names = "--status") String status, @Option(names = "--type") String type,
             @Option(names = "--priority") String priority, @Option(names = "--agent") String agent,
             @Option(names = "--limit", defaultValue = "20") int limit) {
        var path = Api.path("/api/v1/tasks", Api.query("status", status, "type", type, "priority", priority,
                "agentId", agent, "limit", limit));
        output().table(api().get(path).data(), COLUMNS);
        return ExitCode.OK;
    }

    @Command(name = "get", description = "Show one task: status, progress, error, artifacts")
    int get(@Parameters(paramLabel = "ID") String id) {
        output().record(api().get(taskPath(id)).data());
        return ExitCode.OK;
    }

    @Command(name = "cancel", description = "Cancel a task (a running one stops at its next progress step)")
    int cancel(@Parameters(paramLabel = "ID") String id) {
        var task = api().delete(taskPath(id)).data();
        output().message("Task " + id + ": " + task.path("status").asString()
                + (task.path("cancelRequested").asBoolean(false) ? " (cancel requested)" : ""));
        if (output().json()) output().printJson(task);
        return ExitCode.OK;
    }

    @Command(name = "retry", description = "Run a finished task again")
    int retry(@Parameters(paramLabel = "ID") String id) {
        var task = api().post(taskPath(id) + "/retry", null).data();
        output().message("Task " + id + ": " + task.path("status").asString());
        if (output().json()) output().printJson(task);
        return ExitCode.OK;
    }

    @Command(name = "result", description = "Print a succeeded task's result (JSON)")
    int result(@Parameters(paramLabel = "ID") String id) {
        output().printJson(api().get(taskPath(id) + "/result").data());
        return ExitCode.OK;
    }

    @Command(name = "artifacts", description = "List a task's artifacts; --out DIR downloads them")
    int artifacts(@Parameters(paramLabel = "ID") String id,
                  @Option(names = "--out", paramLabel = "DIR", description = "Download every artifact into DIR") Path out) {
        var artifacts = new Artifacts(api(), output());
        if (out != null) artifacts.download(id, out);
        else artifacts.list(id);
        return ExitCode.OK;
    }

    static String taskPath(String id) {
        return "/api/v1/tasks/" + Api.encode(id);
    }
}
