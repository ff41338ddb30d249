package dev.luna.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command group (agents, tasks, …): reaches the API client, the output and the terminal through the root command. */
abstract class Group implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** A group without a subcommand: its usage on stderr, exit 2 (commands that run themselves override this). */
    @Override
    public Integer call() {
        spec.commandLine().usage(terminal().err());
        return ExitCode.USAGE;
    }

    Luna root() {
        return Luna.of(spec);
    }

    Api api() {
        return root().api();
    }

    Output output() {
        return root().output();
    }

    Terminal terminal() {
        return root().terminal();
    }
}
