package dev.luna.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.node.ObjectNode;

/** luna agents: register, list, start, stop, version history, rollback and health of agents. */
@Command(name = "agents", description = "Agents: list, get, create, start, stop, versions, rollback, health")
final class AgentsCommand extends Group {
    private static final List<Output.Column> COLUMNS = List.of(Output.Column.of("ID", "id"), Output.Column.of("NAME", "name"),
            Output.Column.of("TYPE", "type"), Output.Column.of("VERSION", "version"), Output.Column.of("STATUS", "status"),
            Output.Column.of("HEALTH", "health.status"), Output.Column.of("CAPABILITIES", "config.capabilities"));

    @Command(name = "list", description = "List agents (filters narrow it)")
    int list(@Option(names = "--type") String type, @Option(names = "--status") String status,
             @Option(names = "--capability") String capability, @Option(names = "--project") String project,
             @Option(names = "--limit", defaultValue = "50") int limit) {
        var path = Api.path("/api/v1/agents", Api.query("type", type, "status", status, "capability", capability,
                "projectId", project, "limit", limit));
        output().table(api().get(path).data(), COLUMNS);
        return ExitCode.OK;
    }

    @Command(name = "get", description = "Show one agent")
    int get(@Parameters(paramLabel = "ID") String id) {
        output().record(api().get("/api/v1/agents/" + Api.encode(id)).data());
        return ExitCode.OK;
    }

    @Command(name = "create", description = "Register an agent (from flags, or the whole body with --spec JSON|@file)")
    int create(@Option(names = "--name") String name,
               @Option(names = "--type", defaultValue = "task-executor") String type,
               @Option(names = "--version", defaultValue = "1.0.0", description = "Semantic version (default ${DEFAULT-VALUE})") String version,
               @Option(names = "--runtime", defaultValue = "java") String runtime,
               @Option(names = "--capability", split = ",", description = "Task types it runs (repeat or comma-separate)") List<String> capabilities,
               @Option(names = "--spec", paramLabel = "JSON|@file", description = "The registration body as is") String spec,
               @Option(names = "--project") String project) {
        ObjectNode body;
        if (spec != null) {
            body = Arguments.jsonObject(spec, "--spec");
        } else {
            if (name == null) throw CliException.usage("--name is required (or give --spec)");
            body = Json.object().put("name", name).put("type", type).put("version", version);
            var config = body.putObject("config").put("runtime", runtime);
            if (capabilities != null) capabilities.forEach(config.putArray("capabilities")::add);
        }
        if (project != null) body.put("projectId", project);
        var agent = api().post("/api/v1/agents", body).data();
        output().message("Registered agent " + agent.path("id").asString());
        output().record(agent);
        return ExitCode.OK;
    }

    @Command(name = "start", description = "Start an agent")
    int start(@Parameters(paramLabel = "ID") String id) {
        return transition(id, "start");
    }

    @Command(name = "stop", description = "Stop an agent")
    int stop(@Parameters(paramLabel = "ID") String id) {
        return transition(id, "stop");
    }

    @Command(name = "versions", description = "An agent's version history")
    int versions(@Parameters(paramLabel = "ID") String id) {
        output().table(api().get("/api/v1/agents/" + Api.encode(id) + "/versions").data(), List.of(
                Output.Column.of("#", "versionNumber"), Output.Column.of("VERSION", "spec.version"),
                Output.Column.of("CHANGE", "change"), Output.Column.of("CREATED", "createdAt"), Output.Column.of("BY", "createdBy")));
        return ExitCode.OK;
    }

    @Command(name = "rollback", description = "Roll an agent back to the previous version, or to --to VERSION")
    int rollback(@Parameters(paramLabel = "ID") String id, @Option(names = "--to", paramLabel = "VERSION") String to) {
        var body = Json.object();
        if (to != null) body.put("version", to);
        var agent = api().post("/api/v1/agents/" + Api.encode(id) + "/rollback", body).data();
        output().message("Agent " + id + " is at version " + agent.path("version").asString());
        if (output().json()) output().printJson(agent);
        return ExitCode.OK;
    }

    @Command(name = "health", description = "The health of one agent, or the overview of all")
    int health(@Parameters(paramLabel = "ID", arity = "0..1") String id) {
        if (id != null) {
            output().record(api().get("/api/v1/agents/" + Api.encode(id) + "/health").data());
            return ExitCode.OK;
        }
        var overview = api().get("/api/v1/agents/health").data();
        if (output().json()) {
            output().printJson(overview);
            return ExitCode.OK;
        }
        output().table(overview.path("agents"), List.of(Output.Column.of("AGENT", "agentId"), Output.Column.of("NAME", "name"),
                Output.Column.of("STATUS", "agentStatus"), Output.Column.of("HEALTH", "status"), Output.Column.of("REASON", "reason")));
        var summary = overview.path("summary");
        output().message(summary.path("total").asLong() + " agents: " + summary.path("healthy").asLong() + " healthy, "
                + summary.path("degraded").asLong() + " degraded, " + summary.path("unhealthy").asLong() + " unhealthy");
        return ExitCode.OK;
    }

    private int transition(String id, String action) {
        var agent = api().post("/api/v1/agents/" + Api.encode(id) + "/" + action, null).data();
        output().message("Agent " + id + " is " + agent.path("status").asString());
        if (output().json()) output().printJson(agent);
        return ExitCode.OK;
    }
}
