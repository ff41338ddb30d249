package dev.luna.workers.codeanalysis;

import dev.luna.codebase.Codebase;
import dev.luna.codebase.secrets.HistoryLimits;
import dev.luna.codebase.secrets.SecretScanner;
import dev.luna.sources.Checkout;
import dev.luna.workers.codeanalysis.dependencies.DependencyAnalyzer;
import dev.luna.workers.codeanalysis.findings.AnalysisInput;
import dev.luna.workers.codeanalysis.metrics.MetricsAnalyzer;
import dev.luna.workers.codeanalysis.quality.PmdQualityAnalyzer;
import dev.luna.workers.codeanalysis.report.SarifWriter;
import dev.luna.workers.codeanalysis.secrets.SecretsAnalyzer;
import dev.luna.workers.codeanalysis.security.SecurityAnalyzer;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Runs the analysers a task asked for over its checkout, in a fixed order (security, quality, secrets, dependencies,
 * metrics), each polling {@code stop} between files, and collects their SARIF runs, the component inventory and the
 * project's metrics. Stateless and shared by every task of the container (the analysers are thread-safe).
 */
final class Analysers {
    private final SecurityAnalyzer security = new SecurityAnalyzer();
    private final PmdQualityAnalyzer quality;
    private final SecretsAnalyzer secrets;
    private final DependencyAnalyzer dependencies;
    private final MetricsAnalyzer metrics;
    private final Codebase codebase = new Codebase();

    Analysers(SecretScanner scanner) {
        this.quality = new PmdQualityAnalyzer(scanner);
        this.secrets = new SecretsAnalyzer(scanner, HistoryLimits.DEFAULT);
        this.dependencies = new DependencyAnalyzer(scanner);
        this.metrics = new MetricsAnalyzer(scanner);
    }

    /** Where a run reports how far it is (a fraction of the analysers, and which one runs). */
    @FunctionalInterface
    interface Progress {
        void at(double fraction, String message);
    }

    Collected run(AnalysisOptions options, Checkout checkout, Progress progress, BooleanSupplier stop) {
        var input = new AnalysisInput(checkout.root(), checkout.files(), stop);
        var out = new Collected();
        var plan = options.rules();
        for (int i = 0; i < plan.size(); i++) {
            String name = plan.get(i);
            progress.at((double) i / plan.size(), "running " + name);
            if (stop.getAsBoolean()) {
                out.complete = false;
                break;
            }
            switch (name) {
                case "security" -> out.add(new SarifWriter.Run(name, security.rules(), security.analyze(input), List.of()));
                case "quality" -> out.add(new SarifWriter.Run(name, quality.rules(), quality.analyze(input), List.of()));
                case "secrets" -> {
                    var history = options.history() && checkout.isGit() ? checkout.git().gitDir() : null;
                    var result = history == null ? secrets.analyze(input) : secrets.analyze(input, history);
                    out.add(new SarifWriter.Run(name, secrets.rules(), result, List.of()));
                }
                case "dependencies" -> {
                    var model = codebase.analyse(checkout.root(), checkout.files(), stop);
                    var deps = dependencies.analyze(model.manifests(), stop);
                    out.components.addAll(deps.components());
                    out.notApplied.addAll(deps.notApplied());
                    out.add(new SarifWriter.Run(name, dependencies.rules(), deps.result(), deps.notApplied()));
                }
                case "metrics" -> {
                    var project = metrics.measure(input);
                    out.metrics = project;
                    out.add(new SarifWriter.Run(name, metrics.rules(), metrics.toResult(input, project), List.of()));
                }
                default -> throw new IllegalArgumentException("unknown analyser " + name);
            }
        }
        return out;
    }
}
