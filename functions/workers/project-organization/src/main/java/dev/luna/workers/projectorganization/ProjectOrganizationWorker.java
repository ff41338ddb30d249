package dev.luna.workers.projectorganization;

import dev.luna.workers.kit.WorkerKit;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The {@code worker-project-organization} module: the worker function {@code task-project-organization}. This class is
 * the module's {@code MAIN_CLASS} in Lambda; the local runtime applies it to its shared context. The type's
 * description, timeout and payload schema are in the catalog ({@code functions/task-types/project-organization.schema.json}).
 */
public final class ProjectOrganizationWorker implements ApplicationContextInitializer<GenericApplicationContext> {
    public static final String TYPE = "project-organization";

    @Override
    public void initialize(GenericApplicationContext context) {
        WorkerKit.register(context, TYPE, new ProjectOrganization());
    }
}
