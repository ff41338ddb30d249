package dev.luna.codebase;

import java.util.Comparator;
import java.util.Objects;

/**
 * Something that runs without being called from the project's own code: what the clean-up task must never call
 * unused.
 *
 * @param kind   {@code main}, {@code http-handler}, {@code spring-component}, {@code spring-bean}, {@code test},
 *               {@code service-loader}, {@code spring-factories}, {@code reflection}, {@code package-main},
 *               {@code package-bin}, {@code package-exports}, {@code script}, {@code next-page}, {@code next-route},
 *               {@code expo-route}, {@code config}, {@code python-main}, {@code go-main}
 * @param symbol the Java symbol ({@code com.acme.App#main(String[])}, {@code com.acme.Service}) or the file path for
 *               file-level entry points
 * @param file   the file that declares it, or the file that names it (a services file, a package.json)
 * @param line   1-based line, 0 when unknown
 * @param detail why, in a few words ({@code @GetMapping}, {@code scripts.test}, {@code META-INF/services/x.Y})
 */
public record EntryPoint(String kind, String symbol, String file, int line, String detail) {
    public static final Comparator<EntryPoint> ORDER = Comparator.comparing(EntryPoint::symbol)
            .thenComparing(EntryPoint::kind).thenComparing(EntryPoint::file).thenComparingInt(EntryPoint::line)
            .thenComparing(EntryPoint::detail);

    public EntryPoint {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(file, "file");
        detail = detail == null ? "" : detail;
    }
}
