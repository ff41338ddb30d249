package dev.luna.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command group (agents, tasks, …): reaches the API client, the output and the terminal through the root command. */
abstract class Group {
    @Spec
    CommandSpec spec;

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
