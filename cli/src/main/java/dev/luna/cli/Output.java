package dev.luna.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The one output formatter: human tables and records by default, the API's data as is with --json. */
final class Output {
    private static final int MAX_CELL = 60;
    private final PrintWriter out;
    private final boolean json;

    Output(PrintWriter out, boolean json) {
        this.out = out;
        this.json = json;
    }

    /** A column: its header and the dotted path of the value in each item. */
    record Column(String header, String path) {
        static Column of(String header, String path) {
            return new Column(header, path);
        }
    }

    boolean json() {
        return json;
    }

    PrintWriter out() {
        return out;
    }

    /** A list: a table of the columns (--json: the array as is). */
    void table(JsonNode items, List<Column> columns) {
        if (json) {
            printJson(items);
            return;
        }
        var rows = new ArrayList<List<String>>();
        rows.add(columns.stream().map(Column::header).toList());
        for (var item : items) rows.add(columns.stream().map(c -> cell(Json.at(item, c.path()))).toList());
        if (rows.size() == 1) {
            out.println("(none)");
            out.flush();
            return;
        }
        printRows(rows);
    }

    /** One object: "key  value" lines, nested objects flattened with dotted keys (--json: the object as is). */
    void record(JsonNode object) {
        if (json) {
            printJson(object);
            return;
        }
        var rows = new ArrayList<List<String>>();
        flatten("", object, rows);
        printRows(rows);
    }

    /** A line for people only (left out with --json, where the data is the output). */
    void message(String line) {
        if (!json) {
            out.println(line);
            out.flush();
        }
    }

    void printJson(JsonNode node) {
        out.println(Json.pretty(node));
        out.flush();
    }

    private void flatten(String prefix, JsonNode node, List<List<String>> rows) {
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            var key = prefix + e.getKey();
            var value = e.getValue();
            if (value.isObject() && !value.isEmpty() && prefix.chars().filter(c -> c == '.').count() < 2) {
                flatten(key + ".", value, rows);
            } else {
                rows.add(List.of(key, cell(value)));
            }
        }
    }

    private void printRows(List<List<String>> rows) {
        int columns = rows.getFirst().size();
        var widths = new int[columns];
        for (var row : rows) for (int i = 0; i < columns; i++) widths[i] = Math.max(widths[i], row.get(i).length());
        for (var row : rows) {
            var line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                line.append(i == columns - 1 ? row.get(i) : String.format("%-" + widths[i] + "s  ", row.get(i)));
            }
            out.println(line.toString().stripTrailing());
        }
        out.flush();
    }

    static String cell(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) return "-";
        var text = value.isValueNode() ? value.asString() : Json.compact(value);
        text = text.replaceAll("\\s+", " ");
        return text.length() > MAX_CELL ? text.substring(0, MAX_CELL - 1) + "…" : text;
    }
}
