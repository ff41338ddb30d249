package dev.luna.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** luna usage: model token usage and exact cost, grouped. */
@Command(name = "usage", description = "Token usage and cost (default: this month by day)")
final class UsageCommand extends Group {
    @Option(names = "--from", paramLabel = "YYYY-MM-DD")
    String from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD")
    String to;

    @Option(names = "--group-by", split = ",", paramLabel = "DIM", description = "day, provider, model, taskType, agent")
    List<String> groupBy;

    @Option(names = "--project")
    String project;

    @Override
    public Integer call() {
        var path = Api.path("/api/v1/tokens/usage", Api.query("from", from, "to", to, "projectId", project,
                "groupBy", groupBy == null ? null : String.join(",", groupBy)));
        var report = api().get(path).data();
        var output = output();
        if (output.json()) {
            output.printJson(report);
            return ExitCode.OK;
        }
        var columns = new ArrayList<Output.Column>();
        for (var dim : report.path("groupBy")) columns.add(Output.Column.of(dim.asString().toUpperCase(java.util.Locale.ROOT), "key." + dim.asString()));
        columns.addAll(List.of(Output.Column.of("CALLS", "calls"), Output.Column.of("INPUT", "inputTokens"),
                Output.Column.of("CACHED", "cachedInputTokens"), Output.Column.of("OUTPUT", "outputTokens"), Output.Column.of("COST USD", "costUsd")));
        output.message("Usage of " + Json.text(report, "projectId") + " from " + Json.text(report, "from") + " to " + Json.text(report, "to"));
        output.table(report.path("groups"), columns);
        var total = report.path("total");
        output.message("total: " + total.path("calls").asLong() + " calls, " + total.path("inputTokens").asLong() + " input and "
                + total.path("outputTokens").asLong() + " output tokens, " + Output.cell(total.path("costUsd")) + " USD");
        return ExitCode.OK;
    }
}
