package dev.luna.workers.googleagent.input;

import dev.luna.codebase.ProjectModel;
import java.nio.file.Path;

/**
 * Where the generator's input comes from. This module's own adapter ({@link ProjectApi}: an OpenAPI document in the
 * source, else the endpoints of the {@link ProjectModel}) stands in for the shared API-spec reader that
 * {@code dev.luna.codebase.apispec} will provide; swapping it is a matter of implementing this interface over it.
 */
public interface ApiSource {
    /** The API of the project checked out at {@code root} (never null; origin {@code none} when there is none). */
    ApiDescription describe(Path root, ProjectModel model);
}
