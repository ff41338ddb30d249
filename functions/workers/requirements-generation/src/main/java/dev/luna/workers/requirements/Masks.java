package dev.luna.workers.requirements;

import dev.luna.codebase.LiteralMask;
import dev.luna.codebase.secrets.SecretScanner;
import java.util.function.UnaryOperator;

/** The mask for every text copied from the source: the platform's secret rules, then the literal mask (tokens, URL passwords). */
final class Masks {
    private Masks() {
    }

    static UnaryOperator<String> of(SecretScanner scanner) {
        var literal = new LiteralMask();
        return text -> text == null ? null : literal.apply(scanner.mask("", text));
    }
}
