package dev.luna.codebase.architecture;

import java.util.Comparator;
import java.util.List;

/**
 * A system outside the project that it talks to, detected from manifests, imports, configuration or code.
 *
 * @param id         stable key from the rules ({@code postgresql}, {@code kafka}, {@code aws-sdk})
 * @param name       display name
 * @param kind       {@code database}, {@code cache}, {@code queue}, {@code http}, {@code cloud}, {@code email},
 *                   {@code auth} or {@code search}
 * @param technology the library or protocol seen ({@code JDBC}, {@code Spring Kafka}, {@code axios})
 * @param evidence   where, sorted; at most a few
 * @param usedBy     components whose files import or configure it, sorted
 */
public record ExternalSystem(String id, String name, String kind, String technology, List<Evidence> evidence, List<String> usedBy) {
    public static final Comparator<ExternalSystem> ORDER = Comparator.comparing(ExternalSystem::kind).thenComparing(ExternalSystem::id);

    public ExternalSystem {
        evidence = List.copyOf(evidence);
        usedBy = List.copyOf(usedBy);
    }

    /** One reason: {@code how} is {@code dependency}, {@code import}, {@code config} or {@code code}; {@code detail} never holds a value. */
    public record Evidence(String how, Location at, String detail) {
        public static final Comparator<Evidence> ORDER = Comparator.comparing(Evidence::how).thenComparing(Evidence::at, Location.ORDER)
                .thenComparing(Evidence::detail);
    }
}
