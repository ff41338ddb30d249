package dev.luna.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** luna keys: API keys (the secret of a new key is shown once). */
@Command(name = "keys", description = "API keys: list, create, revoke")
final class KeysCommand extends Group {

    @Command(name = "list", description = "API keys (never their secrets)")
    int list() {
        output().table(api().get("/api/v1/api-keys").data(), List.of(Output.Column.of("ID", "id"), Output.Column.of("NAME", "name"),
                Output.Column.of("PREFIX", "prefix"), Output.Column.of("OWNER", "owner"), Output.Column.of("PROJECT", "projectId"),
                Output.Column.of("STATUS", "status"), Output.Column.of("SCOPES", "scopes"), Output.Column.of("EXPIRES", "expiresAt")));
        return ExitCode.OK;
    }

    @Command(name = "create", description = "Create an API key; its secret is printed only now")
    int create(@Option(names = "--name", required = true) String name,
               @Option(names = "--scope", required = true, split = ",", description = "e.g. tasks:read,tasks:write (repeat or comma-separate)") List<String> scopes,
               @Option(names = "--project", description = "Restrict the key to one project") String project,
               @Option(names = "--expires-in-days") Integer days,
               @Option(names = "--owner", description = "Administrators: the user the key acts for") String owner) {
        var body = Json.object().put("name", name);
        scopes.forEach(body.putArray("scopes")::add);
        if (project != null) body.put("projectId", project);
        if (days != null) body.put("expiresInDays", days);
        if (owner != null) body.put("owner", owner);
        var created = api().post("/api/v1/api-keys", body).data();
        if (output().json()) {
            output().printJson(created);
        } else {
            output().message("Created key " + created.path("key").path("id").asString() + "; its secret (shown only now):");
            output().message(created.path("secret").asString());
        }
        return ExitCode.OK;
    }

    @Command(name = "revoke", description = "Revoke an API key at once")
    int revoke(@Parameters(paramLabel = "ID") String id) {
        var answer = api().delete("/api/v1/api-keys/" + Api.encode(id));
        output().message("Revoked key " + id);
        if (output().json()) output().printJson(answer.data());
        return ExitCode.OK;
    }
}
