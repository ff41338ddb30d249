package dev.luna.workers.cloudflare;

import dev.luna.workers.kit.WorkerKit;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The {@code worker-cloud-migration-cloudflare} module: the worker function {@code task-cloud-migration-cloudflare}. This
 * class is the module's {@code MAIN_CLASS} in Lambda; the local runtime applies it to its shared context. The type's
 * description, timeout and payload schema are in the catalog ({@code functions/task-types/cloud-migration-cloudflare.schema.json}).
 */
public final class CloudflareMigrationWorker implements ApplicationContextInitializer<GenericApplicationContext> {
    public static final String TYPE = "cloud-migration-cloudflare";

    @Override
    public void initialize(GenericApplicationContext context) {
        WorkerKit.register(context, TYPE, new CloudflareMigration());
    }
}
