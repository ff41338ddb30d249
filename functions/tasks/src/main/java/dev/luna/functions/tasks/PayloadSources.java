package dev.luna.functions.tasks;

import dev.luna.core.Json;
import dev.luna.core.ValidationException;
import dev.luna.sources.FileSelection;
import dev.luna.sources.Source;
import dev.luna.sources.SourceValidator;
import tools.jackson.databind.JsonNode;

/**
 * The {@code source} of a task payload, checked at submission by the same component that reads it in the worker
 * ({@link SourceValidator}): inline paths, an archive's entries (traversal and bombs refused now, before anything is
 * queued), an S3 prefix, a git URL, ref and secret name — without the network. The payload schema has already checked
 * its shape; this checks what a schema cannot — and that {@code options.include}/{@code exclude} are valid globs.
 */
final class PayloadSources {
    private final SourceValidator validator;

    PayloadSources(SourceValidator validator) {
        this.validator = validator;
    }

    void check(JsonNode payload) {
        var options = payload == null ? null : payload.get("options");
        if (options != null && options.isObject()) {
            for (String field : new String[] {"include", "exclude"}) {
                var globs = options.get(field);
                if (globs != null && globs.isArray()) {
                    FileSelection.check("payload.options." + field, globs.valueStream().map(JsonNode::asString).toList());
                }
            }
        }
        var source = payload == null ? null : payload.get("source");
        if (source == null || !source.isObject()) return;
        Source parsed;
        try {
            parsed = Json.mapper().treeToValue(source, Source.class);
        } catch (RuntimeException e) {
            throw new ValidationException("payload.source", "is not a source object: inline, archive, s3 or git");
        }
        validator.validate(parsed, "payload.source");
    }
}
