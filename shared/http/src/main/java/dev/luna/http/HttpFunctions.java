package dev.luna.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.HashSet;
import java.util.Map;
import org.springframework.cloud.function.context.FunctionRegistration;
import org.springframework.context.support.GenericApplicationContext;

/**
 * Registers a module's HTTP functions as Spring Cloud Function beans, functionally (no scanning): one
 * {@link HttpFunction} per catalog entry of the module, named by the entry's bean. Fails at start-up when the
 * catalog and the module's handlers disagree, so a missing bean can never reach production.
 */
public final class HttpFunctions {
    private HttpFunctions() {
    }

    public static void register(GenericApplicationContext context, String module, Platform platform,
                                Map<String, RouteHandler> handlersByBean) {
        var catalog = Catalog.load();
        var unused = new HashSet<>(handlersByBean.keySet());
        for (var spec : catalog.module(module)) {
            if (!spec.trigger().isHttp()) continue;
            var handler = handlersByBean.get(spec.bean());
            if (handler == null) {
                throw new IllegalStateException("catalog function '" + spec.name() + "' names bean '" + spec.bean()
                        + "' but module '" + module + "' has no handler for it");
            }
            unused.remove(spec.bean());
            var function = new HttpFunction(spec, handler, platform);
            context.registerBean(spec.bean(), FunctionRegistration.class,
                    () -> new FunctionRegistration<>(function, spec.bean())
                            .type(org.springframework.core.ResolvableType.forClassWithGenerics(java.util.function.Function.class,
                                    APIGatewayV2HTTPEvent.class, APIGatewayV2HTTPResponse.class).getType()));
        }
        if (!unused.isEmpty()) {
            throw new IllegalStateException("module '" + module + "' has handlers not in the catalog: " + unused);
        }
    }
}
