package dev.luna.codebase.source;

/**
 * One text file as read: its content (decoded as UTF-8, malformed bytes replaced) and line count.
 *
 * @param path  relative, '/' separated
 * @param text  the content, or empty when the file was too large to read whole
 * @param lines number of lines (a final line without '\n' counts)
 * @param bytes size in bytes
 */
public record SourceText(String path, String text, int lines, long bytes) {
    public String fileName() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    public String directory() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }
}
