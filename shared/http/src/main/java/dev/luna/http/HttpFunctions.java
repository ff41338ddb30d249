package dev.luna.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.luna.catalog.Catalog;
import java.lang.reflect.Type;
import java.util.HashSet;
import java.util.Map;
import java.util.function.Function;
import org.springframework.cloud.function.context.FunctionRegistration;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.ResolvableType;
import org.springframework.messaging.Message;

/**
 * Registers a module's HTTP functions as Spring Cloud Function beans, functionally (no scanning): one
 * {@link HttpFunction} per catalog entry of the module, named by the entry's bean. Fails at start-up when the
 * catalog and the module's handlers disagree, so a missing bean can never reach production.
 */
public final class HttpFunctions {
    /**
     * The registered signature: the raw event bytes in, the typed response out. A typed
     * {@code Function<APIGatewayV2HTTPEvent, …>} would let Spring Cloud Function split a request whose body is a
     * JSON array and call the function once per element (and fail); taking the bytes avoids that, and
     * {@link Events} decodes the event exactly once.
     */
    private static final Type LAMBDA_TYPE = ResolvableType.forClassWithGenerics(Function.class,
            ResolvableType.forClassWithGenerics(Message.class, byte[].class), ResolvableType.forClass(APIGatewayV2HTTPResponse.class)).getType();
    private HttpFunctions() {
    }

    public static void register(GenericApplicationContext context, String module, Platform platform,
                                Map<String, RouteHandler> handlersByBean) {
        var catalog = Catalog.load();
        var unused = new HashSet<>(handlersByBean.keySet());
        var inProcess = InProcessFunctions.of(context);
        for (var spec : catalog.module(module)) {
            if (!spec.trigger().isHttp()) continue;
            var handler = handlersByBean.get(spec.bean());
            if (handler == null) {
                throw new IllegalStateException("catalog function '" + spec.name() + "' names bean '" + spec.bean()
                        + "' but module '" + module + "' has no handler for it");
            }
            unused.remove(spec.bean());
            var function = new HttpFunction(spec, handler, platform);
            inProcess.add(module, spec, handler, platform);
            Function<Message<byte[]>, APIGatewayV2HTTPResponse> lambda = message -> function.apply(Events.httpEvent(message.getPayload()));
            context.registerBean(spec.bean(), FunctionRegistration.class,
                    () -> new FunctionRegistration<>(lambda, spec.bean()).type(LAMBDA_TYPE));
        }
        if (!unused.isEmpty()) {
            throw new IllegalStateException("module '" + module + "' has handlers not in the catalog: " + unused);
        }
    }
}
