package dev.luna.cli;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** An error answer of the API (its envelope's code, message and field violations) or a network failure. */
final class ApiException extends CliException {
    private final int status;
    private final String code;
    private final List<String> violations;

    ApiException(int status, String code, String message, List<String> violations) {
        super(ExitCode.forStatus(status), message);
        this.status = status;
        this.code = code;
        this.violations = List.copyOf(violations);
    }

    /** Reads the error envelope {"error": {"code", "message", "details": {"violations": [{field, message}]}}}. */
    static ApiException fromEnvelope(int status, String body) {
        JsonNode error = null;
        try {
            error = Json.parse(body).get("error");
        } catch (RuntimeException notJson) {
            // not an envelope (a proxy's page): reported with the status alone
        }
        if (error == null || !error.isObject()) {
            return new ApiException(status, "HTTP_" + status, body.isBlank() ? "no details" : abbreviate(body), List.of());
        }
        var violations = new ArrayList<String>();
        for (var v : error.path("details").path("violations")) {
            violations.add(Json.text(v, "field") + ": " + Json.text(v, "message"));
        }
        return new ApiException(status, Json.text(error, "code"), Json.text(error, "message"), violations);
    }

    static ApiException network(String url, Exception cause) {
        var reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new ApiException(0, "NETWORK", "cannot reach " + url + ": " + reason, List.of());
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    List<String> violations() {
        return violations;
    }

    private static String abbreviate(String s) {
        var line = s.strip().replaceAll("\\s+", " ");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
