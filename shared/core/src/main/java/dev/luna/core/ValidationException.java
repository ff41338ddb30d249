package dev.luna.core;

import java.util.List;
import java.util.Map;

/** A request that breaks one or more field rules; the message names every field, the details list them. */
public final class ValidationException extends LunaException {
    private final List<Violation> violations;

    public ValidationException(List<Violation> violations) {
        super(ErrorCode.VALIDATION_FAILED, message(violations), Map.of("violations", List.copyOf(violations)));
        this.violations = List.copyOf(violations);
    }

    public ValidationException(String field, String message) {
        this(List.of(new Violation(field, message)));
    }

    public List<Violation> violations() {
        return violations;
    }

    private static String message(List<Violation> violations) {
        if (violations.size() == 1) {
            return "Invalid field " + violations.get(0);
        }
        var sb = new StringBuilder("Invalid fields: ");
        for (int i = 0; i < violations.size(); i++) {
            if (i > 0) sb.append("; ");
            sb.append(violations.get(i));
        }
        return sb.toString();
    }
}
