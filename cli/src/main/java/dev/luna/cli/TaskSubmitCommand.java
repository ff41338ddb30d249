package dev.luna.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** luna tasks submit TYPE: submits a task; --follow shows its progress live, the summary, and downloads artifacts. */
@Command(name = "submit", description = "Submit a task; --follow shows its progress live until it ends")
final class TaskSubmitCommand extends Group {
    @Parameters(paramLabel = "TYPE", description = "Task type (echo, code-analysis, …)")
    String type;

    @Option(names = "--payload", paramLabel = "JSON|@file", description = "The payload (default {})")
    String payload;

    @Option(names = "--source", paramLabel = "SOURCE", description = "payload.source: git:https://…[#ref], dir:./path (sent inline), zip:./file.zip")
    String source;

    @Option(names = "--agent", paramLabel = "ID", description = "Run on this agent (otherwise routed)")
    String agent;

    @Option(names = "--priority", paramLabel = "P", description = "1-5 or critical, high, normal, low, background")
    String priority;

    @Option(names = "--no-cache", description = "Skip the 24 h result cache")
    boolean noCache;

    @Option(names = {"-f", "--follow"}, description = "Follow the task until it ends (exit 1 unless it succeeded)")
    boolean follow;

    @Option(names = "--no-progress", description = "With --follow: one line per change instead of progress bars")
    boolean noProgress;

    @Option(names = "--out", paramLabel = "DIR", description = "With --follow: download the artifacts into DIR")
    Path out;

    @Override
    public Integer call() {
        if (out != null && !follow) throw CliException.usage("--out needs --follow (or use luna tasks artifacts ID --out DIR)");
        var api = api();
        var task = api.post("/api/v1/tasks", body()).data();
        var id = task.path("id").asString();
        var output = output();
        if (!follow) {
            output.message("Submitted task " + id + " (" + task.path("status").asString() + ")");
            if (output.json()) output.printJson(task);
            return ExitCode.OK;
        }
        var terminal = terminal();
        boolean bars = !output.json() && terminal.tty() && !noProgress;
        var view = output.json() ? ProgressView.silent() : bars ? new TtyProgress(terminal.out()) : new PlainProgress(terminal.out());
        output.message("Submitted task " + id + " (" + type + ")" + (task.path("cached").asBoolean(false) ? ", answered from the cache" : ""));
        var finished = new TaskFollower(api).follow(id, view, bars ? TaskFollower.TTY_WAIT_SECONDS : TaskFollower.WAIT_SECONDS);
        var summary = api.get(TasksCommand.taskPath(id)).data();
        printSummary(summary, finished);
        boolean succeeded = "succeeded".equals(summary.path("status").asString());
        if (succeeded && out != null) new Artifacts(api, output).download(id, out);
        return succeeded ? ExitCode.OK : ExitCode.TASK_FAILED;
    }

    private JsonNode body() {
        var p = payload == null ? Json.object() : Arguments.jsonObject(payload, "--payload");
        if (source != null) p.set("source", Sources.parse(source, Sources.TASK_PAYLOAD_LIMIT));
        var body = Json.object().put("type", type);
        body.set("payload", p);
        if (agent != null) body.put("agentId", agent);
        if (priority != null) {
            if (priority.matches("\\d+")) body.put("priority", Integer.parseInt(priority));
            else body.put("priority", priority);
        }
        if (noCache) body.put("cache", false);
        return body;
    }

    private void printSummary(JsonNode task, JsonNode lastEvent) {
        var output = output();
        if (output.json()) {
            output.printJson(task);
            return;
        }
        var out = output.out();
        out.println();
        out.println("Task " + task.path("id").asString() + " " + task.path("status").asString()
                + Durations.between(task.path("startedAt"), task.path("completedAt")).map(d -> " in " + d).orElse(""));
        var error = task.path("error");
        if (error.isObject()) out.println("  error: " + Json.text(error, "errorClass") + ": " + Json.text(error, "message"));
        if (task.has("result")) out.println("  result: " + Output.cell(task.get("result")));
        for (var artifact : task.path("artifacts")) {
            out.println("  artifact: " + Json.text(artifact, "name") + " (" + Json.text(artifact, "bytes") + " bytes)");
        }
        out.flush();
    }
}
