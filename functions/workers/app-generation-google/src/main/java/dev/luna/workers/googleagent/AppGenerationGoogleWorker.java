package dev.luna.workers.googleagent;

import dev.luna.workers.kit.WorkerKit;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The {@code worker-app-generation-google} module: the worker function {@code task-app-generation-google}. This class
 * is the module's {@code MAIN_CLASS} in Lambda; the local runtime applies it to its shared context. The type's
 * description, timeout and payload schema are in the catalog ({@code functions/task-types/app-generation-google.schema.json}).
 */
public final class AppGenerationGoogleWorker implements ApplicationContextInitializer<GenericApplicationContext> {
    public static final String TYPE = "app-generation-google";

    @Override
    public void initialize(GenericApplicationContext context) {
        WorkerKit.register(context, TYPE, new AppGenerationGoogle());
    }
}
