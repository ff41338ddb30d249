package dev.luna.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The luna command: a client of Luna's public HTTP API. */
@Command(name = "luna", mixinStandardHelpOptions = true, versionProvider = Luna.Version.class, sortOptions = false,
        description = "Luna from the command line: agents, tasks (followed live), queues, RAG, usage, budgets, API keys.",
        subcommands = {LoginCommand.class, AgentsCommand.class, TasksCommand.class, QueuesCommand.class, RagCommand.class,
                UsageCommand.class, BudgetsCommand.class, KeysCommand.class, ProjectsCommand.class, CompletionCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  ok", "  1  the task failed, timed out or was cancelled (or the index job failed)",
                "  2  usage error (bad option or argument, no URL or key configured)", "  3  authentication or permission refused (401/403)",
                "  4  not found (404)", "  5  any other API or network error",
                "", "Configuration: --url/--key, else LUNA_URL/LUNA_KEY, else the file luna login writes",
                "($XDG_CONFIG_HOME/luna/config.json or ~/.config/luna/config.json, mode 0600)."})
public final class Luna implements Callable<Integer> {
    static final String VERSION = "0.1.0";

    @Option(names = "--url", scope = ScopeType.INHERIT, paramLabel = "URL", description = "API base URL (overrides LUNA_URL and the login)")
    String url;

    @Option(names = "--key", scope = ScopeType.INHERIT, paramLabel = "KEY", description = "API key (overrides LUNA_KEY and the login)")
    String key;

    @Option(names = "--json", scope = ScopeType.INHERIT, description = "Print the API's data as JSON (for scripts)")
    boolean json;

    @CommandLine.Spec
    CommandSpec spec;

    private final Terminal terminal;

    Luna(Terminal terminal) {
        this.terminal = terminal;
    }

    public static void main(String[] args) {
        System.exit(commandLine(Terminal.system()).execute(args));
    }

    /** The command line wired to a terminal: output, the exit codes and the error messages. */
    static CommandLine commandLine(Terminal terminal) {
        var cl = new CommandLine(new Luna(terminal));
        cl.setOut(terminal.out());
        cl.setErr(terminal.err());
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> report(e, terminal));
        return cl;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(terminal.err());
        return ExitCode.USAGE;
    }

    Terminal terminal() {
        return terminal;
    }

    Output output() {
        return new Output(terminal.out(), json);
    }

    /** The API client: --url/--key, else LUNA_URL/LUNA_KEY, else the stored login. */
    Api api() {
        var stored = Config.read(terminal.configFile());
        var u = first(url, terminal.env("LUNA_URL"), stored.url());
        var k = first(key, terminal.env("LUNA_KEY"), stored.key());
        if (u == null) throw CliException.usage("no API URL: run luna login, set LUNA_URL or pass --url");
        if (k == null) throw CliException.usage("no API key: run luna login, set LUNA_KEY or pass --key");
        return new Api(u, k);
    }

    /** The root command of any (sub)command's spec. */
    static Luna of(CommandSpec spec) {
        return (Luna) spec.root().userObject();
    }

    private static int report(Exception e, Terminal terminal) {
        var err = terminal.err();
        if (e instanceof ApiException api) {
            err.println("error: " + api.code() + (api.status() > 0 ? " (HTTP " + api.status() + ")" : "") + ": " + api.getMessage());
            api.violations().forEach(v -> err.println("  " + v));
        } else if (e instanceof CliException cli) {
            err.println("luna: " + cli.getMessage());
        } else {
            err.println("luna: unexpected error: " + e);
        }
        err.flush();
        return e instanceof CliException cli ? cli.exitCode() : ExitCode.API;
    }

    private static String first(String... values) {
        for (var v : values) if (v != null && !v.isBlank()) return v;
        return null;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"luna " + VERSION};
        }
    }
}
