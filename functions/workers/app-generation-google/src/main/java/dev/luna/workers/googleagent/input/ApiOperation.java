package dev.luna.workers.googleagent.input;

import java.util.List;

/**
 * One operation of the project's API, as the generator sees it (whatever it was read from).
 *
 * @param id          the operationId of the document, else the handler's method name, else null
 * @param method      {@code GET}, {@code POST}… upper case
 * @param path        {@code /owners/{ownerId}}
 * @param summary     one line from the document or the code, else empty
 * @param description longer text from the document, else empty
 * @param params      path and query parameters, then the body's top-level properties
 * @param bodyType    the request body's type name ({@code OwnerDto}), {@code object} when it has no name, or null without a body
 * @param response    the response's type name, or null
 * @param location    where it was found: {@code src/…/OwnerController.java:42} or {@code openapi.yaml#/paths/~1owners/get}
 */
public record ApiOperation(String id, String method, String path, String summary, String description, List<ApiParam> params,
                           String bodyType, String response, String location) {
    public ApiOperation {
        summary = summary == null ? "" : summary.strip();
        description = description == null ? "" : description.strip();
        params = List.copyOf(params);
    }

    /** Whether calling it changes data (anything but GET, HEAD and OPTIONS). */
    public boolean changesData() {
        return !(method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS"));
    }

    /** Whether it deletes or replaces data. */
    public boolean destructive() {
        return method.equals("DELETE") || method.equals("PUT");
    }
}
