package dev.luna.functions.graphql;

import dev.luna.catalog.Catalog;
import dev.luna.http.HttpFunctions;
import dev.luna.http.InProcessFunctions;
import dev.luna.http.Platform;
import dev.luna.http.PlatformHolder;
import dev.luna.realtime.LiveEventBus;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The GraphQL module's functions, registered functionally (no scanning). Its fields run the REST functions of the
 * identity, agents, tasks, tokens and rag modules in-process ({@link InProcessFunctions}); those modules' initializers
 * are this module's catalog collaborators. In Lambda this initializer applies them to its own context; in the local
 * runtime's one context (where the catalog lists this module after them) they are already there and are not applied twice.
 */
public final class GraphqlFunctions implements ApplicationContextInitializer<GenericApplicationContext> {
    static final String MODULE = "graphql";

    @Override
    public void initialize(GenericApplicationContext context) {
        Platform platform = PlatformHolder.of(context);
        var functions = InProcessFunctions.of(context);
        applyMissingCollaborators(context, functions);
        var engine = new GraphqlEngine(new RestCalls(functions), () -> LiveEventBus.of(platform.config()));
        HttpFunctions.register(context, MODULE, platform, new GraphqlHandlers(engine, PersistedQueries.load()).byBean());
        context.getBeanFactory().registerSingleton(GraphqlExecutor.BEAN, new GraphqlExecutor(engine));
    }

    /** Applies each collaborator module whose HTTP functions the context does not have yet. */
    @SuppressWarnings("unchecked")
    private static void applyMissingCollaborators(GenericApplicationContext context, InProcessFunctions functions) {
        var catalog = Catalog.load();
        for (String initializer : catalog.modules().get(MODULE).collaborators()) {
            String module = catalog.modules().entrySet().stream().filter(e -> e.getValue().initializer().equals(initializer))
                    .map(java.util.Map.Entry::getKey).findFirst()
                    .orElseThrow(() -> new IllegalStateException("collaborator " + initializer + " is no module's initializer"));
            if (functions.hasModule(module)) continue;
            try {
                var type = Class.forName(initializer);
                ((ApplicationContextInitializer<GenericApplicationContext>) type.getDeclaredConstructor().newInstance()).initialize(context);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("collaborator " + initializer + " is not on the class path", e);
            }
        }
    }

    /** The schema as served, printed (the checked-in docs/schema.graphql must equal it). */
    public static String printedSchema() {
        return SchemaDocument.print(new GraphqlEngine(null, null).schema());
    }
}
