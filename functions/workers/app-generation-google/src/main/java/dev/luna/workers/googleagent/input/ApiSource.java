package dev.luna.workers.googleagent.input;

import dev.luna.codebase.ProjectModel;
import java.nio.file.Path;

/**
 * Where the generator's input comes from: {@link ProjectApi} reads it with the shared {@code dev.luna.codebase.apispec}
 * (a document in the source, else the endpoints of the {@link ProjectModel}); tests may give other sources.
 */
public interface ApiSource {
    /** The API of the project checked out at {@code root} (never null; origin {@code none} when there is none). */
    ApiDescription describe(Path root, ProjectModel model);
}
