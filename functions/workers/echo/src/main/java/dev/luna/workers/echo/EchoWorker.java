package dev.luna.workers.echo;

import dev.luna.tasks.TaskWorkers;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The {@code worker-echo} module: the worker function {@code task-echo}. This class is the module's {@code MAIN_CLASS}
 * in Lambda; the local runtime applies it to its shared context. The template of every task-type module: the type is
 * declared in the catalog (description, timeout, payload schema), and the module adds its handler.
 */
public final class EchoWorker implements ApplicationContextInitializer<GenericApplicationContext> {
    public static final String TYPE = "echo";

    @Override
    public void initialize(GenericApplicationContext context) {
        TaskWorkers.register(context, TYPE, new EchoHandler(java.time.Clock.systemUTC()));
    }
}
