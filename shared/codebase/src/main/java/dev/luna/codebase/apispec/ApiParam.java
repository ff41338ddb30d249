package dev.luna.codebase.apispec;

import java.util.Map;

/**
 * One non-body parameter of an {@link ApiOperation}.
 *
 * @param name        on the wire
 * @param in          {@code path}, {@code query}, {@code header} or {@code cookie}
 * @param description the document's description, or an empty string
 * @param required    whether the client must send it (always true in the path)
 * @param schema      its JSON Schema
 */
public record ApiParam(String name, String in, String description, boolean required, Map<String, Object> schema) {
}
