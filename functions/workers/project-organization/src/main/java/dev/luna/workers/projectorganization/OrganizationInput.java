package dev.luna.workers.projectorganization;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * What one clean-up analysis reads. Nothing of the project is executed.
 *
 * @param root    the checked-out project (the analysed revision's files)
 * @param gitDir  its repository ({@code .git} directory, a work tree holding one, or a bare repository) whose HEAD is
 *                the analysed revision, or null for a plain directory: then the git checks look at the tree only, and
 *                the patch applies to the directory made into a repository
 * @param stop    polled between steps and files; once true the report says what was left out
 */
public record OrganizationInput(Path root, Path gitDir, OrganizationOptions options, OrganizationLimits limits, BooleanSupplier stop) {
    public OrganizationInput {
        Objects.requireNonNull(root, "root");
        options = options == null ? OrganizationOptions.ALL : options;
        limits = limits == null ? OrganizationLimits.DEFAULT : limits;
        stop = stop == null ? () -> false : stop;
    }

    public static OrganizationInput of(Path root, Path gitDir) {
        return new OrganizationInput(root, gitDir, null, null, null);
    }
}
