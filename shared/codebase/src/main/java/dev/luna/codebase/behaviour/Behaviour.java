package dev.luna.codebase.behaviour;

import java.util.Comparator;
import java.util.Objects;

/**
 * One piece of evidence of what a project does, found in its source text (never by running it).
 *
 * @param kind      {@code cli-command}, {@code ui-route}, {@code scheduled-job}, {@code message-consumer},
 *                  {@code config-flag}, {@code test}, {@code assertion}, {@code readme-claim}, {@code auth},
 *                  {@code validation}, {@code todo}, or {@code nfr:<category>} ({@code nfr:timeout}, {@code nfr:limit},
 *                  {@code nfr:rate-limit}, {@code nfr:encryption}, {@code nfr:hashing}, {@code nfr:tls},
 *                  {@code nfr:caching}, {@code nfr:retry}, {@code nfr:auth})
 * @param name      what it is called: a command or route, a job's {@code Type#method(..)}, a topic, a configuration
 *                  key, a test's display name, the annotated symbol ({@code com.acme.Api#list()}, {@code com.acme.Dto.name})
 * @param detail    a short description: the schedule, the roles, the constraint ({@code @Size(min=2, max=30)}), or the
 *                  source line (trimmed, at most {@value Behaviours#MAX_DETAIL} characters, literals masked)
 * @param file      relative, '/' separated
 * @param startLine 1-based
 * @param endLine   1-based, at least startLine
 */
public record Behaviour(String kind, String name, String detail, String file, int startLine, int endLine) {
    public static final Comparator<Behaviour> ORDER = Comparator.comparing(Behaviour::kind).thenComparing(Behaviour::file)
            .thenComparingInt(Behaviour::startLine).thenComparing(Behaviour::name).thenComparing(Behaviour::detail)
            .thenComparingInt(Behaviour::endLine);

    public Behaviour {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(file, "file");
        detail = detail == null ? "" : detail;
        startLine = Math.max(1, startLine);
        endLine = Math.max(startLine, endLine);
    }

    /** Whether this is a non-functional hint ({@code nfr:…}). */
    public boolean nfr() {
        return kind.startsWith("nfr:");
    }
}
