package dev.luna.workers.requirements;

import dev.luna.workers.kit.WorkerKit;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The {@code worker-requirements-generation} module: the worker function {@code task-requirements-generation}. This
 * class is the module's {@code MAIN_CLASS} in Lambda; the local runtime applies it to its shared context. The type's
 * description, timeout and payload schema are in the catalog ({@code functions/task-types/requirements-generation.schema.json}).
 */
public final class RequirementsGenerationWorker implements ApplicationContextInitializer<GenericApplicationContext> {
    public static final String TYPE = "requirements-generation";

    @Override
    public void initialize(GenericApplicationContext context) {
        WorkerKit.register(context, TYPE, new RequirementsGeneration());
    }
}
