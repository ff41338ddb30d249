package dev.luna.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Arguments given as JSON inline or as @file. */
final class Arguments {
    private Arguments() {
    }

    static ObjectNode jsonObject(String value, String option) {
        var text = value.startsWith("@") ? readFile(value.substring(1), option) : value;
        JsonNode node;
        try {
            node = Json.parse(text);
        } catch (RuntimeException e) {
            throw CliException.usage(option + " is not valid JSON: " + firstLine(e.getMessage()));
        }
        if (!(node instanceof ObjectNode object)) throw CliException.usage(option + " must be a JSON object");
        return object;
    }

    static String readFile(String file, String option) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            throw CliException.usage(option + ": cannot read " + file + " (" + e.getMessage() + ")");
        }
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
