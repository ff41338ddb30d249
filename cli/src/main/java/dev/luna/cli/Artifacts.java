package dev.luna.cli;

import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** A task's artifacts: listed, or downloaded into a folder (names may hold '/'; none may leave the folder). */
final class Artifacts {
    private static final List<Output.Column> COLUMNS = List.of(Output.Column.of("NAME", "name"),
            Output.Column.of("TYPE", "contentType"), Output.Column.of("BYTES", "bytes"), Output.Column.of("SHA-256", "sha256"));
    private final Api api;
    private final Output output;

    Artifacts(Api api, Output output) {
        this.api = api;
        this.output = output;
    }

    void list(String taskId) {
        output.table(fetch(taskId), COLUMNS);
    }

    /** Downloads every artifact into {@code dir}; prints one line per file (--json: the list with a "file" each). */
    void download(String taskId, Path dir) {
        var artifacts = fetch(taskId);
        var root = dir.toAbsolutePath().normalize();
        for (var artifact : artifacts) {
            var name = artifact.path("name").asString();
            var target = root.resolve(name).normalize();
            if (!target.startsWith(root) || target.equals(root)) {
                throw new CliException(ExitCode.API, "refusing artifact name outside " + dir + ": " + name);
            }
            var href = artifact.hasNonNull("href") ? artifact.get("href").asString() : TasksCommand.taskPath(taskId) + "/artifacts/" + name;
            long bytes = api.download(href, target);
            if (artifact instanceof tools.jackson.databind.node.ObjectNode o) o.put("file", target.toString());
            output.message("downloaded " + name + " (" + bytes + " bytes) -> " + target);
        }
        if (artifacts.isEmpty()) output.message("no artifacts");
        if (output.json()) output.printJson(artifacts);
    }

    private JsonNode fetch(String taskId) {
        return api.get(TasksCommand.taskPath(taskId) + "/artifacts").data();
    }
}
