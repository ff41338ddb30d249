package dev.luna.workers.cloudflare.inventory;

import java.util.Comparator;

/**
 * One thing the backend is made of, with where it was seen and how it moves to Cloudflare.
 *
 * @param category {@code route}, {@code function}, {@code runtime}, {@code datastore}, {@code table}, {@code storage},
 *                 {@code queue}, {@code schedule}, {@code secret}, {@code env}, {@code outbound}, {@code compatibility}
 * @param name     what it is ({@code GET /users/{id}}, {@code users}, {@code node:fs})
 * @param file     relative path of the evidence
 * @param line     1-based line of the evidence (0 when only the file is known)
 * @param verdict  {@code direct}, {@code adapt}, {@code rewrite} or {@code unsupported}
 * @param target   the Cloudflare product or pattern it maps to
 * @param note     why, in one sentence
 */
public record Item(String category, String name, String file, int line, String verdict, String target, String note) {
    public static final Comparator<Item> ORDER = Comparator.comparing(Item::category).thenComparing(Item::name)
            .thenComparing(Item::file).thenComparingInt(Item::line);

    public String location() {
        return line > 0 ? file + ":" + line : file;
    }
}
