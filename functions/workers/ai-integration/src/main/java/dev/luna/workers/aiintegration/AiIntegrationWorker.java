package dev.luna.workers.aiintegration;

import dev.luna.workers.kit.WorkerKit;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The {@code worker-ai-integration} module: the worker function {@code task-ai-integration}. This class is the
 * module's {@code MAIN_CLASS} in Lambda; the local runtime applies it to its shared context. The type's description,
 * timeout and payload schema are in the catalog ({@code functions/task-types/ai-integration.schema.json}).
 */
public final class AiIntegrationWorker implements ApplicationContextInitializer<GenericApplicationContext> {
    public static final String TYPE = "ai-integration";

    @Override
    public void initialize(GenericApplicationContext context) {
        WorkerKit.register(context, TYPE, new AiIntegration());
    }
}
