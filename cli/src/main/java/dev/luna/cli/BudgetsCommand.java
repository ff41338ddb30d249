package dev.luna.cli;

import java.math.BigDecimal;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** luna budgets: monthly spend limits of the project or of an agent, and where each stands. */
@Command(name = "budgets", description = "Budgets: list, set")
final class BudgetsCommand extends Group {

    @Command(name = "list", description = "The project's budgets and this month's spend against each")
    int list() {
        output().table(api().get("/api/v1/tokens/budget").data(), List.of(Output.Column.of("SCOPE", "scope"),
                Output.Column.of("AGENT", "agentId"), Output.Column.of("LIMIT USD", "monthlyLimitUsd"),
                Output.Column.of("SPENT USD", "currentPeriod.spentUsd"), Output.Column.of("REMAINING USD", "currentPeriod.remainingUsd"),
                Output.Column.of("THRESHOLDS", "alertThresholds"), Output.Column.of("HARD STOP", "hardStop")));
        return ExitCode.OK;
    }

    @Command(name = "set", description = "Create or replace the project's budget, or an agent's with --agent")
    int set(@Option(names = "--limit", required = true, paramLabel = "USD", description = "Monthly limit in USD") BigDecimal limit,
            @Option(names = "--agent", paramLabel = "ID") String agent,
            @Option(names = "--thresholds", split = ",", paramLabel = "F", description = "Alert at these fractions (default 0.5,0.8,1.0)") List<BigDecimal> thresholds,
            @Option(names = "--hard-stop", negatable = true, description = "Refuse calls past the limit (default true)") Boolean hardStop,
            @Option(names = "--email", description = "Alert by e-mail to this address") String email,
            @Option(names = "--webhook", description = "Alert by a signed webhook to this URL") String webhook) {
        var body = Json.object().put("monthlyLimitUsd", limit);
        if (agent != null) body.put("agentId", agent);
        if (thresholds != null) thresholds.forEach(body.putArray("alertThresholds")::add);
        if (hardStop != null) body.put("hardStop", hardStop);
        if (email != null) body.putObject("notification").put("type", "email").put("email", email);
        else if (webhook != null) body.putObject("notification").put("type", "webhook").put("url", webhook);
        var budget = api().post("/api/v1/tokens/budget", body).data();
        output().message("Budget set: " + Output.cell(budget.path("monthlyLimitUsd")) + " USD a month for "
                + (agent == null ? "the project" : "agent " + agent));
        output().record(budget);
        return ExitCode.OK;
    }
}
