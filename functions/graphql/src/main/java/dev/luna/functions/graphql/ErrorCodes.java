package dev.luna.functions.graphql;

import dev.luna.core.ErrorCode;
import dev.luna.core.LunaException;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * GraphQL errors with the platform's error codes: a field that fails carries the REST function's code, HTTP status
 * and details in {@code extensions}; errors graphql-java raises itself (syntax, validation, the query limits) get
 * {@code VALIDATION_FAILED}, keeping graphql-java's {@code classification}.
 */
final class ErrorCodes extends DataFetcherExceptionResolverAdapter {
    private static final Logger log = LoggerFactory.getLogger(ErrorCodes.class);

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        if (ex instanceof LunaException e) return error(env, e.code(), e.getMessage(), e.details());
        if (ex instanceof SdkException e) {
            log.error("storage unavailable: {}", e.toString());
            return error(env, ErrorCode.UNAVAILABLE, "A backing service is unavailable; retry with backoff", null);
        }
        log.error("unhandled error in field {}", env.getExecutionStepInfo().getPath(), ex);
        return error(env, ErrorCode.INTERNAL, "Internal error; quote requestId " + env.getGraphQlContext().get(RestCalls.REQUEST_ID)
                + " when reporting it", null);
    }

    private static GraphQLError error(DataFetchingEnvironment env, ErrorCode code, String message, Object details) {
        var extensions = new LinkedHashMap<String, Object>();
        extensions.put("code", code.name());
        extensions.put("status", code.status());
        if (details != null) extensions.put("details", details);
        return GraphqlErrorBuilder.newError(env).message(message).errorType(type(code)).extensions(extensions).build();
    }

    private static ErrorType type(ErrorCode code) {
        return switch (code.status()) {
            case 400, 409, 412, 413, 422 -> ErrorType.BAD_REQUEST;
            case 401 -> ErrorType.UNAUTHORIZED;
            case 403 -> ErrorType.FORBIDDEN;
            case 404 -> ErrorType.NOT_FOUND;
            default -> ErrorType.INTERNAL_ERROR;
        };
    }

    /** Gives every error of a response (as a spec map) an {@code extensions.code}. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> withCodes(Map<String, Object> response) {
        var errors = (List<Map<String, Object>>) response.get("errors");
        if (errors == null) return response;
        var coded = new java.util.ArrayList<Map<String, Object>>();
        for (var error : errors) {
            var copy = new LinkedHashMap<String, Object>(error);
            var extensions = new LinkedHashMap<String, Object>();
            if (error.get("extensions") instanceof Map<?, ?> m) extensions.putAll((Map<String, Object>) m);
            if (!extensions.containsKey("code")) {
                extensions.put("code", ErrorCode.VALIDATION_FAILED.name());
                extensions.put("status", ErrorCode.VALIDATION_FAILED.status());
            }
            copy.put("extensions", extensions);
            coded.add(copy);
        }
        var result = new LinkedHashMap<String, Object>(response);
        result.put("errors", coded);
        return result;
    }
}
