package dev.luna.http;

import dev.luna.catalog.Catalog;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/**
 * Applies a module's catalog {@code collaborators}: other modules' initializers its functions need in the same context
 * (the agents module's routing, for the tasks module). In Lambda a module's package is its own jar and runtime
 * dependencies, and its {@code MAIN_CLASS} is its initializer, which calls this; so the collaborator comes from the
 * package by the name the catalog gives, never by scanning. A collaborator must be idempotent: the local runtime's one
 * context may meet it again.
 */
public final class ModuleCollaborators {
    private ModuleCollaborators() {
    }

    @SuppressWarnings("unchecked")
    public static void apply(GenericApplicationContext context, String module) {
        var spec = Catalog.load().modules().get(module);
        if (spec == null) throw new IllegalStateException("module '" + module + "' is not in the catalog");
        for (String name : spec.collaborators()) {
            try {
                var type = Class.forName(name);
                var initializer = (ApplicationContextInitializer<GenericApplicationContext>) type.getDeclaredConstructor().newInstance();
                initializer.initialize(context);
            } catch (ReflectiveOperationException | ClassCastException e) {
                throw new IllegalStateException("collaborator " + name + " of module '" + module + "' is not an initializer on the class path "
                        + "(the module's package must carry it as a runtime dependency)", e);
            }
        }
    }
}
