package dev.luna.workers.openaiapp;

import dev.luna.workers.kit.WorkerKit;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The {@code worker-app-generation-openai} module: the worker function {@code task-app-generation-openai}. This class is
 * the module's {@code MAIN_CLASS} in Lambda; the local runtime applies it to its shared context. The type's description,
 * timeout and payload schema are in the catalog ({@code functions/task-types/app-generation-openai.schema.json}).
 */
public final class OpenAiAppWorker implements ApplicationContextInitializer<GenericApplicationContext> {
    public static final String TYPE = "app-generation-openai";

    @Override
    public void initialize(GenericApplicationContext context) {
        WorkerKit.register(context, TYPE, new OpenAiApp());
    }
}
