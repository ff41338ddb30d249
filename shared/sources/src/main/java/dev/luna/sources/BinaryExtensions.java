package dev.luna.sources;

import java.util.Locale;
import java.util.Set;

/**
 * File name extensions that are never analysable text (images, archives, compiled code, fonts, media, databases):
 * a checkout skips such files without reading them, so they take nothing of the byte budget. Anything else is judged
 * by its bytes ({@link TextContent}).
 */
final class BinaryExtensions {
    private static final Set<String> BINARY = Set.of(
            "png", "jpg", "jpeg", "gif", "bmp", "ico", "icns", "webp", "tif", "tiff", "psd", "heic",
            "pdf", "zip", "jar", "war", "ear", "aar", "apk", "ipa", "gz", "tgz", "bz2", "xz", "zst", "7z", "rar",
            "class", "so", "dll", "dylib", "exe", "o", "a", "lib", "obj", "pyc", "pyo", "wasm",
            "woff", "woff2", "ttf", "otf", "eot",
            "mp3", "mp4", "m4a", "wav", "ogg", "flac", "aac", "opus", "avi", "mov", "mkv", "webm",
            "sqlite", "sqlite3", "db", "mdb", "iso", "dmg", "bin");

    private BinaryExtensions() {
    }

    static boolean isBinary(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 && BINARY.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** Skips binary extensions, then files above {@code maxFileBytes}; reads the rest whole. */
    static ReadPolicy checkoutPolicy(long maxFileBytes) {
        var bySize = ReadPolicy.upTo(maxFileBytes);
        return (path, size) -> isBinary(path) ? ReadPolicy.Decision.skip(SkippedFile.Reason.BINARY, "binary file (by its extension); not read")
                : bySize.decide(path, size);
    }
}
