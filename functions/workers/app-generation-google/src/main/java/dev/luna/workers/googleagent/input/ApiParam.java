package dev.luna.workers.googleagent.input;

import java.util.List;

/**
 * One input of an operation.
 *
 * @param name        on the wire
 * @param in          {@code path}, {@code query} or {@code body} (a top-level property of the JSON request body)
 * @param type        {@code string}, {@code integer}, {@code number}, {@code boolean}, {@code array} or {@code object}
 * @param format      {@code int64}, {@code date-time}… or null
 * @param required    whether the caller must give it
 * @param description from the document, else empty
 * @param values      the allowed values of an enum, else empty
 */
public record ApiParam(String name, String in, String type, String format, boolean required, String description, List<String> values) {
    public ApiParam {
        description = description == null ? "" : description;
        values = values == null ? List.of() : List.copyOf(values);
    }
}
