package dev.luna.workers.design;

import dev.luna.workers.kit.WorkerKit;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The {@code worker-design-architecture} module: the worker function {@code task-design-architecture}. This class is
 * the module's {@code MAIN_CLASS} in Lambda; the local runtime applies it to its shared context. The type's
 * description, timeout and payload schema are in the catalog ({@code functions/task-types/design-architecture.schema.json}).
 */
public final class DesignArchitectureWorker implements ApplicationContextInitializer<GenericApplicationContext> {
    public static final String TYPE = "design-architecture";

    @Override
    public void initialize(GenericApplicationContext context) {
        WorkerKit.register(context, TYPE, new DesignArchitecture());
    }
}
