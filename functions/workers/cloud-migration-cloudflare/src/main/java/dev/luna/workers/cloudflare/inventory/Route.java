package dev.luna.workers.cloudflare.inventory;

import java.util.Comparator;

/**
 * An HTTP route the Worker serves.
 *
 * @param method   {@code GET}… or {@code ANY}
 * @param path     normalised, parameters as {@code {name}}
 * @param source   where it was declared ({@code Express}, {@code SAM}, {@code Serverless}, {@code Spring MVC}…)
 * @param verdict  {@code direct}, {@code adapt}, {@code rewrite} or {@code unsupported}
 * @param ported   the JSON body of a handler that was ported as is (a literal), or null when the route is proxied
 * @param status   the ported handler's status (200 when it sets none)
 * @param note     why the verdict
 */
public record Route(String method, String path, String source, String file, int line, String verdict, String ported, int status, String note) {
    public static final Comparator<Route> ORDER = Comparator.comparing(Route::path).thenComparing(Route::method)
            .thenComparing(Route::file).thenComparingInt(Route::line);

    public boolean isPorted() {
        return ported != null;
    }
}
