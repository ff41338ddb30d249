package dev.luna.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** luna rag: index a source (and follow the job), query the index. */
@Command(name = "rag", description = "Code retrieval: index (--follow), query")
final class RagCommand extends Group {

    @Command(name = "index", description = "Index a source: dir:./path (or a bare folder), zip:FILE, git:https://…")
    int index(@Option(names = "--source", required = true, paramLabel = "SOURCE") String source,
              @Option(names = "--project") String project,
              @Option(names = "--include", split = ",", paramLabel = "GLOB") List<String> include,
              @Option(names = "--exclude", split = ",", paramLabel = "GLOB") List<String> exclude,
              @Option(names = {"-f", "--follow"}, description = "Follow the job until it ends (exit 1 if it failed)") boolean follow,
              @Option(names = "--no-progress", description = "With --follow: one line per change instead of a bar") boolean noProgress) {
        var body = Json.object();
        if (project != null) body.put("projectId", project);
        body.set("source", Sources.parse(source, Sources.REQUEST_BODY_LIMIT - 4096));
        if (include != null) include.forEach(body.putArray("include")::add);
        if (exclude != null) exclude.forEach(body.putArray("exclude")::add);
        var api = api();
        var accepted = api.post("/api/v1/rag/index", body);
        var job = accepted.data();
        var output = output();
        if (!follow) {
            output.message("Index job " + job.path("id").asString() + " " + job.path("status").asString());
            if (output.json()) output.printJson(job);
            return ExitCode.OK;
        }
        var statusPath = accepted.links().path("status").asString("/api/v1/rag/index/" + Api.encode(job.path("id").asString()));
        output.message("Index job " + job.path("id").asString() + " accepted");
        var terminal = terminal();
        var view = output.json() ? ProgressView.silent()
                : terminal.tty() && !noProgress ? new TtyProgress(terminal.out()) : new PlainProgress(terminal.out());
        var last = new JobFollower(api).follow(statusPath, view);
        if (output.json()) {
            output.printJson(last);
        } else {
            output.message("Index job " + Json.text(last, "status") + ": " + Output.cell(last.path("result"))
                    + (last.hasNonNull("failure") ? " — " + Json.text(last, "failure") : ""));
            for (var error : last.path("errors")) output.message("  " + Output.cell(error));
        }
        return "succeeded".equals(Json.text(last, "status")) ? ExitCode.OK : ExitCode.TASK_FAILED;
    }

    @Command(name = "query", description = "Ranked contexts for a question, within a token budget")
    int query(@Parameters(paramLabel = "QUESTION") String question,
              @Option(names = "--project") String project,
              @Option(names = "--top-k", paramLabel = "K") Integer topK,
              @Option(names = "--budget", paramLabel = "TOKENS") Integer tokenBudget,
              @Option(names = "--mode", description = "hybrid, semantic or keyword") String mode) {
        var body = Json.object().put("query", question);
        if (project != null) body.put("projectId", project);
        if (topK != null) body.put("topK", topK);
        if (tokenBudget != null) body.put("tokenBudget", tokenBudget);
        if (mode != null) body.put("mode", mode);
        JsonNode result = api().post("/api/v1/rag/query", body).data();
        if (output().json()) {
            output().printJson(result);
            return ExitCode.OK;
        }
        output().table(result.path("contexts"), List.of(Output.Column.of("SCORE", "relevanceScore"), Output.Column.of("PATH", "path"),
                Output.Column.of("FROM", "startLine"), Output.Column.of("TO", "endLine"), Output.Column.of("SYMBOL", "symbol"),
                Output.Column.of("TOKENS", "tokenCount"), Output.Column.of("ID", "id")));
        output().message(result.path("contexts").size() + " contexts, " + result.path("totalTokens").asLong() + " tokens");
        return ExitCode.OK;
    }
}
