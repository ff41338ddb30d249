package dev.luna.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** luna queues: the five priority queues and their statistics. */
@Command(name = "queues", description = "Priority queues: list, stats")
final class QueuesCommand extends Group {

    @Command(name = "list", description = "Depth, in flight and oldest waiting task of each queue")
    int list() {
        output().table(api().get("/api/v1/queues").data(), List.of(Output.Column.of("QUEUE", "id"),
                Output.Column.of("PRIORITY", "priority"), Output.Column.of("DEPTH", "depth"), Output.Column.of("IN FLIGHT", "inFlight"),
                Output.Column.of("DELAYED", "delayed"), Output.Column.of("OLDEST (s)", "oldestAgeSeconds"),
                Output.Column.of("OLDEST TASK", "oldestTaskId")));
        return ExitCode.OK;
    }

    @Command(name = "stats", description = "A queue's statistics over a window: throughput, attempts, wait and run times")
    int stats(@Parameters(paramLabel = "QUEUE", description = "critical, high, normal, low or background") String queue,
              @Option(names = "--window", paramLabel = "MINUTES", defaultValue = "60") int window) {
        output().record(api().get(Api.path("/api/v1/queues/" + Api.encode(queue) + "/stats", Api.query("windowMinutes", window))).data());
        return ExitCode.OK;
    }
}
