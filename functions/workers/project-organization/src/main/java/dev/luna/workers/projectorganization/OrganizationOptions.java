package dev.luna.workers.projectorganization;

import dev.luna.core.ValidationException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code options} of a {@code project-organization} task.
 *
 * @param checks    which checks run (all four when the payload names none)
 * @param emitPatch whether {@code cleanup.patch} is produced
 */
public record OrganizationOptions(Set<Check> checks, boolean emitPatch) {
    public static final OrganizationOptions ALL = new OrganizationOptions(EnumSet.allOf(Check.class), true);

    public OrganizationOptions {
        checks = checks == null || checks.isEmpty() ? EnumSet.allOf(Check.class) : EnumSet.copyOf(checks);
    }

    /** From the payload's values: unknown check names are a 400 naming {@code options.checks[i]}. */
    public static OrganizationOptions of(List<String> checks, Boolean emitPatch) {
        var set = EnumSet.noneOf(Check.class);
        if (checks != null) {
            for (int i = 0; i < checks.size(); i++) {
                var c = checks.get(i) == null ? null : Check.of(checks.get(i));
                if (c == null) {
                    throw new ValidationException("options.checks[" + i + "]", "must be one of unused-files, dependencies, git, standards");
                }
                set.add(c);
            }
        }
        return new OrganizationOptions(set, emitPatch == null || emitPatch);
    }

    public boolean runs(Check check) {
        return checks.contains(check);
    }
}
