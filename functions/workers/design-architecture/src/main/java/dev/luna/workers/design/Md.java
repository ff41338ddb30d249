package dev.luna.workers.design;

import java.util.List;

/** Markdown tables whose cells cannot break the table: pipes escaped, line breaks flattened, backticks replaced. */
final class Md {
    private Md() {
    }

    static String table(List<String> header, List<List<String>> rows) {
        var sb = new StringBuilder("|");
        for (var h : header) sb.append(' ').append(cell(h)).append(" |");
        sb.append("\n|");
        for (int i = 0; i < header.size(); i++) sb.append(" --- |");
        sb.append('\n');
        for (var row : rows) {
            sb.append('|');
            for (var c : row) sb.append(' ').append(cell(c)).append(" |");
            sb.append('\n');
        }
        return sb.toString().stripTrailing();
    }

    static String cell(String text) {
        if (text == null || text.isEmpty()) return "";
        return text.replaceAll("[\\r\\n\\t]+", " ").replace("{{", "{ {").replace("\\", "\\\\").replace("|", "\\|").replace('`', '\'');
    }

    /** Code span for a path or symbol. */
    static String code(String text) {
        return "`" + cell(text) + "`";
    }
}
