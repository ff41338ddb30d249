package dev.luna.local;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.cloud.function.adapter.aws.AWSLambdaUtils;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry.FunctionInvocationWrapper;
import org.springframework.cloud.function.json.JsonMapper;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.messaging.Message;

/**
 * Invokes a function bean exactly as Spring Cloud Function's {@code FunctionInvoker} does in Lambda: the event's
 * JSON bytes become a message through {@link AWSLambdaUtils}, the catalog's function wrapper is applied, and the
 * output is serialised back to JSON bytes.
 */
final class LambdaInvoker {
    private final FunctionCatalog catalog;
    private final JsonMapper jsonMapper;
    private final ConcurrentHashMap<String, FunctionInvocationWrapper> functions = new ConcurrentHashMap<>();

    LambdaInvoker(ConfigurableApplicationContext context) {
        this.catalog = context.getBean(FunctionCatalog.class);
        this.jsonMapper = context.getBean(JsonMapper.class);
    }

    byte[] invoke(String bean, byte[] event) {
        var function = functions.computeIfAbsent(bean, b -> {
            FunctionInvocationWrapper f = catalog.lookup(b, "application/json");
            if (f == null) throw new IllegalStateException("no function bean '" + b + "' in the context");
            return f;
        });
        try {
            Message<?> request = AWSLambdaUtils.generateMessage(new ByteArrayInputStream(event), function.getInputType(),
                    function.isSupplier(), jsonMapper, null);
            Object response = function.apply(request);
            return AWSLambdaUtils.generateOutputFromObject(request, response, jsonMapper, function.getOutputType());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean has(String bean) {
        return catalog.lookup(bean, "application/json") != null;
    }
}
