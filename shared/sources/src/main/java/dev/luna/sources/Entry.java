package dev.luna.sources;

/**
 * One entry a source lists, before anything of it is read.
 *
 * @param ordinal its place in the listing (entries are read back by it)
 * @param name    its name as the source gives it (reported when unsafe)
 * @param path    its normalised relative path ({@link SourcePaths}), or null when the name is not a safe path
 * @param kind    what it is
 * @param size    its size in bytes (for archives: what it really expanded to)
 */
record Entry(int ordinal, String name, String path, Kind kind, long size) {
    enum Kind { FILE, SYMLINK, HARD_LINK, SUBMODULE, SPECIAL }

    /** Whether this is a {@code .gitignore} file. */
    boolean isGitignore() {
        return kind == Kind.FILE && path != null && (path.equals(".gitignore") || path.endsWith("/.gitignore"));
    }
}
