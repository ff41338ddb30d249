package dev.luna.workers.codeanalysis.security.bench;

import java.util.List;

/**
 * A taint category of the benchmark: its CWE, the sinks that can use the data ({@link Part#passes} false for a
 * sink that is safe whatever reaches it), and the sanitizer that is right for it and one that is wrong for it.
 */
record Category(String name, int cwe, List<Part> sinks, String rightSanitizer, String wrongSanitizer) {
}
