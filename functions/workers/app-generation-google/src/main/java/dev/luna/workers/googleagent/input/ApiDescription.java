package dev.luna.workers.googleagent.input;

import java.util.List;

/**
 * The project's API: where it was read from and its operations, sorted by path then method.
 *
 * @param origin     {@code openapi} (a document in the source), {@code code} (endpoints found in code) or {@code none}
 * @param document   the document's path in the source when origin is openapi, else null
 * @param title      the document's title, else null
 * @param summary    the document's description, else null
 * @param operations sorted by path, then method
 * @param notes      what the reader skipped or could not read, sorted
 */
public record ApiDescription(String origin, String document, String title, String summary, List<ApiOperation> operations, List<String> notes) {
    public ApiDescription {
        operations = operations.stream().sorted(java.util.Comparator.comparing(ApiOperation::path).thenComparing(ApiOperation::method)).toList();
        notes = notes.stream().sorted().distinct().toList();
    }

    public static ApiDescription none(List<String> notes) {
        return new ApiDescription("none", null, null, null, List.of(), notes);
    }
}
