package dev.luna.local;

import dev.luna.core.Json;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Reads a text/event-stream body as an SSE client does: events separated by blank lines, "data:" lines joined. */
final class Sse {
    private Sse() {
    }

    /** The data of every event, in order ("[DONE]" included as is). */
    static List<String> data(String body) {
        var out = new ArrayList<String>();
        var data = new StringBuilder();
        for (String line : body.split("\n", -1)) {
            if (line.isEmpty()) {
                if (!data.isEmpty()) out.add(data.toString());
                data.setLength(0);
            } else if (line.startsWith("data:")) {
                if (!data.isEmpty()) data.append('\n');
                data.append(line.substring(5).startsWith(" ") ? line.substring(6) : line.substring(5));
            }
        }
        if (!data.isEmpty()) out.add(data.toString());
        return out;
    }

    static List<JsonNode> chunks(String body) {
        return data(body).stream().filter(d -> !d.equals("[DONE]")).map(Json::tree).toList();
    }

    /** The text of the streamed answer: every chunk's delta content, concatenated. */
    static String text(String body) {
        var sb = new StringBuilder();
        for (var c : chunks(body)) {
            var choices = c.path("choices");
            if (choices.isArray() && !choices.isEmpty()) sb.append(choices.get(0).path("delta").path("content").asString(""));
        }
        return sb.toString();
    }
}
