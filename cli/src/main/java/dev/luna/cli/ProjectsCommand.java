package dev.luna.cli;

import java.util.List;
import picocli.CommandLine.Command;

/** luna projects: the projects the key can see. */
@Command(name = "projects", description = "Projects: list")
final class ProjectsCommand extends Group {

    @Command(name = "list", description = "The projects you belong to, with your role")
    int list() {
        output().table(api().get("/api/v1/projects").data(), List.of(Output.Column.of("ID", "id"), Output.Column.of("NAME", "name"),
                Output.Column.of("ROLE", "yourRole"), Output.Column.of("DESCRIPTION", "description"), Output.Column.of("CREATED", "createdAt")));
        return ExitCode.OK;
    }
}
