package dev.luna.workers.expoapp;

import dev.luna.workers.kit.WorkerKit;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The {@code worker-mobile-generation-expo} module: the worker function {@code task-mobile-generation-expo}. This class
 * is the module's {@code MAIN_CLASS} in Lambda; the local runtime applies it to its shared context. The type's
 * description, timeout and payload schema are in the catalog ({@code functions/task-types/mobile-generation-expo.schema.json}).
 */
public final class ExpoAppWorker implements ApplicationContextInitializer<GenericApplicationContext> {
    public static final String TYPE = "mobile-generation-expo";

    @Override
    public void initialize(GenericApplicationContext context) {
        WorkerKit.register(context, TYPE, new ExpoApp());
    }
}
