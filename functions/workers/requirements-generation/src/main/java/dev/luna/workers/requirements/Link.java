package dev.luna.workers.requirements;

import java.util.Comparator;

/** Evidence for a requirement: a line range of a file in the analysed revision (1-based, inclusive). */
record Link(String file, int startLine, int endLine) {
    static final Comparator<Link> ORDER = Comparator.comparing(Link::file).thenComparingInt(Link::startLine).thenComparingInt(Link::endLine);
}
