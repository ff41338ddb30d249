package dev.luna.core;

/**
 * Projects as every module names them: the id format, the {@code default} project a fresh installation has (and
 * where a call that names none acts when its credential is not bound to one), and the one rule for which project a
 * request acts in.
 */
public final class Projects {
    /** The project created at first start; where unbound credentials act unless a call names another. */
    public static final String DEFAULT = "default";

    private Projects() {
    }

    public static boolean isValidId(String id) {
        return IdFormat.PROJECT.matches(id);
    }

    /**
     * The project a request acts in: the one it names ({@code ?projectId=}, a body field or a message attribute),
     * else the one its credential is bound to, else {@link #DEFAULT}. A named project that is malformed is a 400 on
     * {@code field}; whether the caller may act there is the access check's business (a credential bound to another
     * project gets 404).
     */
    public static String resolve(String named, String bound, String field) {
        if (named != null && !named.isBlank()) {
            if (!isValidId(named)) throw new ValidationException(field, "must be 1 to 64 letters, digits, '_' or '-'");
            return named;
        }
        return bound != null ? bound : DEFAULT;
    }
}
