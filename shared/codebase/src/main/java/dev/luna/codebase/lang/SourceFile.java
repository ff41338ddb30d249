package dev.luna.codebase.lang;

/**
 * One analysed file.
 *
 * @param path     relative, '/' separated
 * @param language the detected language, or null when unknown
 * @param lines    number of lines
 * @param bytes    size in bytes
 */
public record SourceFile(String path, String language, int lines, long bytes) {
}
