package dev.luna.codebase.apispec;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * One HTTP operation of an {@link ApiSpec}. Schemas are JSON Schema trees (maps, lists, strings, numbers, booleans)
 * whose references read {@code {"$ref": "#/components/schemas/<name>"}}.
 *
 * @param method      upper case: {@code GET}, {@code POST}…
 * @param path        with {@code {name}} parameters, leading '/'
 * @param operationId unique in the spec: the document's, else derived from the handler's name or the method and path
 * @param summary     one line, or an empty string
 * @param description longer text (document or code comment), or an empty string
 * @param tags        the document's tags, or the handler's class
 * @param params      path, query, header and cookie parameters, sorted by location then name
 * @param request     the JSON request body's schema, or null
 * @param response    the schema of the first 2xx JSON response, or null
 * @param readOnly    true for GET, HEAD and OPTIONS: it does not change data
 * @param destructive true for DELETE, PUT and PATCH: it may delete or overwrite data
 * @param deprecated  marked deprecated in the document or code
 * @param location    {@code file:line} of the handler or the document, for evidence
 */
public record ApiOperation(String method, String path, String operationId, String summary, String description, List<String> tags,
                           List<ApiParam> params, Map<String, Object> request, Map<String, Object> response, boolean readOnly,
                           boolean destructive, boolean deprecated, String location) {
    public static final Comparator<ApiOperation> ORDER = Comparator.comparing(ApiOperation::path).thenComparing(ApiOperation::method)
            .thenComparing(ApiOperation::operationId);

    public ApiOperation {
        tags = List.copyOf(tags);
        params = params.stream().sorted(Comparator.comparing(ApiParam::in).thenComparing(ApiParam::name)).toList();
    }

    /** Whether calling it changes data (everything but GET, HEAD and OPTIONS). */
    public boolean changesData() {
        return !readOnly;
    }
}
