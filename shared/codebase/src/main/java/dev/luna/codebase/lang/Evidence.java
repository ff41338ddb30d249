package dev.luna.codebase.lang;

import java.util.Comparator;

/**
 * Why a framework or tool was detected.
 *
 * @param kind   {@code dependency} (a manifest declares it), {@code import} (source imports it) or {@code file}
 * @param file   where, relative
 * @param line   1-based line, 0 when unknown
 * @param detail the dependency name, import or file name
 */
public record Evidence(String kind, String file, int line, String detail) {
    public static final Comparator<Evidence> ORDER = Comparator.comparing(Evidence::kind).thenComparing(Evidence::file)
            .thenComparingInt(Evidence::line).thenComparing(Evidence::detail);
}
