package dev.luna.workers.codeanalysis;

import dev.luna.workers.kit.WorkerKit;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The {@code worker-code-analysis} module: the worker function {@code task-code-analysis}. This class is the module's
 * {@code MAIN_CLASS} in Lambda; the local runtime applies it to its shared context. The type's description, timeout
 * and payload schema are in the catalog ({@code functions/task-types/code-analysis.schema.json}).
 */
public final class CodeAnalysisWorker implements ApplicationContextInitializer<GenericApplicationContext> {
    public static final String TYPE = "code-analysis";

    @Override
    public void initialize(GenericApplicationContext context) {
        var kit = WorkerKit.of(context);
        WorkerKit.register(context, TYPE, new CodeAnalysis(new Analysers(kit.secrets())));
    }
}
