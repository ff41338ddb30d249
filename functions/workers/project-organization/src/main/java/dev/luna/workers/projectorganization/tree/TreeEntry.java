package dev.luna.workers.projectorganization.tree;

import java.util.Comparator;

/**
 * One file of the analysed tree.
 *
 * @param path relative, '/' separated
 * @param mode git's file mode: {@code 0100644}, {@code 0100755} (executable) or {@code 0120000} (symbolic link)
 * @param size bytes
 */
public record TreeEntry(String path, int mode, long size) {
    public static final int REGULAR = 0100644;
    public static final int EXECUTABLE = 0100755;
    public static final int SYMLINK = 0120000;
    public static final Comparator<TreeEntry> ORDER = Comparator.comparing(TreeEntry::path);

    public boolean regular() {
        return mode == REGULAR || mode == EXECUTABLE;
    }

    public String name() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    public String dir() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }
}
