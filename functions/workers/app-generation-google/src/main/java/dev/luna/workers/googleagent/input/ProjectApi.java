package dev.luna.workers.googleagent.input;

import dev.luna.codebase.ProjectModel;
import java.nio.file.Path;
import java.util.ArrayList;

/** The API in the order: an OpenAPI/Swagger document in the source, else endpoints extracted from code. */
public final class ProjectApi implements ApiSource {
    private final OpenApiDocuments documents = new OpenApiDocuments();
    private final CodeEndpoints code = new CodeEndpoints();

    @Override
    public ApiDescription describe(Path root, ProjectModel model) {
        var fromDocument = documents.describe(root, model);
        if (!fromDocument.operations().isEmpty()) return fromDocument;
        var fromCode = code.describe(root, model);
        var notes = new ArrayList<>(fromDocument.notes());
        notes.addAll(fromCode.notes());
        if (fromCode.operations().isEmpty()) return ApiDescription.none(notes);
        return new ApiDescription(fromCode.origin(), null, null, null, fromCode.operations(), notes);
    }
}
