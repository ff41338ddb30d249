package dev.luna.workers.cloudflare.inventory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code CREATE TABLE} and {@code CREATE INDEX} statements of SQL schema and migration files (PostgreSQL and MySQL
 * dialects) translated to D1's SQLite: types mapped to SQLite's affinities, {@code SERIAL} keys to
 * {@code INTEGER PRIMARY KEY AUTOINCREMENT}, server-side functions in defaults dropped, and every change said.
 * Functions, triggers, extensions and other statements D1 cannot take are reported.
 */
public final class SqlSchemas {
    private static final Pattern CREATE = Pattern.compile("(?i)create\\s+(?:unlogged\\s+)?table\\s+(?:if\\s+not\\s+exists\\s+)?([\"`\\w.]+)\\s*\\(");
    private static final Pattern INDEX = Pattern.compile("(?i)create\\s+(unique\\s+)?index\\s+(?:concurrently\\s+)?(?:if\\s+not\\s+exists\\s+)?([\"`\\w]+)\\s+on\\s+([\"`\\w.]+)\\s*(?:using\\s+\\w+\\s*)?\\(([^;]*?)\\)\\s*;");
    private static final Pattern UNSUPPORTED = Pattern.compile("(?i)^\\s*create\\s+(or\\s+replace\\s+)?(function|procedure|trigger|extension|type|sequence|schema|materialized\\s+view)\\b");
    private static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private SqlSchemas() {
    }

    /** Tables and indexes of one SQL file, and the statements D1 cannot take (as items). */
    public static void read(String path, String text, List<Table> tables, List<Item> items) {
        String sql = stripComments(text);
        Matcher m = CREATE.matcher(sql);
        while (m.find()) {
            int open = m.end() - 1;
            int close = closing(sql, open);
            if (close < 0) continue;
            String name = ident(m.group(1));
            if (name == null) continue;
            int line = lineOf(text, m.start());
            var changes = new LinkedHashSet<String>();
            var defs = new ArrayList<String>();
            for (String part : splitTopLevel(sql.substring(open + 1, close))) {
                String d = column(part.strip(), changes);
                if (d != null) defs.add(d);
            }
            if (!defs.isEmpty()) tables.add(new Table(name, "sql", path, line, defs, List.of(), List.copyOf(changes)));
        }
        Matcher ix = INDEX.matcher(sql);
        while (ix.find()) {
            String idx = ident(ix.group(2));
            String on = ident(ix.group(3));
            String cols = ix.group(4).replaceAll("[\"`]", "").replaceAll("(?i)\\s+(asc|desc)", " $1").strip();
            if (idx == null || on == null || !cols.matches("[\\w\\s,]+")) continue;
            String stmt = "CREATE " + (ix.group(1) == null ? "" : "UNIQUE ") + "INDEX IF NOT EXISTS " + idx + " ON " + on + " (" + cols + ");";
            for (int i = 0; i < tables.size(); i++) {
                var t = tables.get(i);
                if (t.name().equals(on) && t.file().equals(path)) {
                    var indexes = new ArrayList<>(t.indexes());
                    indexes.add(stmt);
                    tables.set(i, new Table(t.name(), t.source(), t.file(), t.line(), t.definitions(), indexes, t.changes()));
                }
            }
        }
        var lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher u = UNSUPPORTED.matcher(lines[i]);
            if (u.find()) items.add(new Item("datastore", "CREATE " + u.group(2).toUpperCase(Locale.ROOT).replaceAll("\\s+", " "), path, i + 1,
                    "rewrite", "D1", "D1 (SQLite) has no stored functions, procedures, extensions, custom types or sequences: move the logic into the Worker"));
        }
    }

    private static String column(String def, java.util.Set<String> changes) {
        if (def.isEmpty()) return null;
        String lower = def.toLowerCase(Locale.ROOT);
        if (lower.startsWith("constraint") || lower.startsWith("primary key") || lower.startsWith("unique") || lower.startsWith("foreign key")
                || lower.startsWith("check")) {
            String c = def.replaceAll("[\"`]", "").replaceAll("(?i)\\s+deferrable.*$", "").replaceAll("\\s+", " ");
            if (c.matches("(?i)(constraint \\w+ )?(primary key|unique|foreign key) ?\\([\\w, ]+\\)( references \\w+ ?\\([\\w, ]+\\))?( on (delete|update) (cascade|set null|restrict|no action))*")) return c;
            changes.add("dropped the table constraint `" + abbreviate(c) + "` (not portable as written)");
            return null;
        }
        String[] words = def.replaceAll("[\"`]", "").split("\\s+", 2);
        String name = ident(words[0]);
        if (name == null) return null;
        String rest = words.length > 1 ? words[1] : "";
        Matcher t = Pattern.compile("^([A-Za-z ]+?(?:\\s*\\([0-9, ]+\\))?(?:\\[\\])?)(\\s+(?:not|null|primary|unique|default|references|check|constraint|generated|auto_increment|collate)\\b.*|\\s*$)",
                Pattern.CASE_INSENSITIVE).matcher(rest);
        boolean typed = t.find();
        String type = typed ? t.group(1).strip() : rest;
        String constraints = typed ? t.group(2).strip() : "";
        String d1 = type(type, name, changes);
        String c = constraints.replaceAll("(?i)\\bauto_increment\\b", "").replaceAll("\\s+", " ").strip();
        if (d1.equals("INTEGER PRIMARY KEY AUTOINCREMENT")) c = c.replaceAll("(?i)\\bprimary key\\b", "").replaceAll("(?i)\\bnot null\\b", "").strip();
        c = defaults(c, name, changes);
        c = c.replaceAll("(?i)\\bcollate\\s+\\S+", "").replaceAll("(?i)\\bgenerated\\s+.*$", "").replaceAll("\\s+", " ").strip();
        if (constraints.toLowerCase(Locale.ROOT).contains("auto_increment") && c.toLowerCase(Locale.ROOT).contains("primary key")) {
            d1 = "INTEGER PRIMARY KEY AUTOINCREMENT";
            c = c.replaceAll("(?i)\\bprimary key\\b", "").replaceAll("(?i)\\bnot null\\b", "").replaceAll("\\s+", " ").strip();
        }
        return (name + " " + d1 + (c.isEmpty() ? "" : " " + c)).strip();
    }

    private static String type(String type, String column, java.util.Set<String> changes) {
        String t = type.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
        if (t.endsWith("[]")) {
            changes.add("`" + column + "` " + type + " → TEXT (a JSON array)");
            return "TEXT";
        }
        String base = t.replaceAll("\\s*\\(.*\\)", "");
        return switch (base) {
            case "serial", "bigserial", "smallserial" -> {
                changes.add("`" + column + "` " + type + " → INTEGER PRIMARY KEY AUTOINCREMENT");
                yield "INTEGER PRIMARY KEY AUTOINCREMENT";
            }
            case "int", "integer", "bigint", "smallint", "tinyint", "mediumint", "int2", "int4", "int8" -> "INTEGER";
            case "text", "varchar", "character varying", "char", "character", "citext", "tinytext", "mediumtext", "longtext", "string" -> "TEXT";
            case "uuid" -> {
                changes.add("`" + column + "` uuid → TEXT (generate ids with crypto.randomUUID() in the Worker)");
                yield "TEXT";
            }
            case "boolean", "bool" -> {
                changes.add("`" + column + "` boolean → INTEGER (0/1)");
                yield "INTEGER";
            }
            case "timestamp", "timestamptz", "timestamp with time zone", "timestamp without time zone", "date", "datetime", "time" -> {
                changes.add("`" + column + "` " + base + " → TEXT (ISO 8601)");
                yield "TEXT";
            }
            case "numeric", "decimal", "money" -> {
                changes.add("`" + column + "` " + type + " → REAL (binary floating point: keep money in integer cents)");
                yield "REAL";
            }
            case "real", "float", "float4", "float8", "double", "double precision" -> "REAL";
            case "json", "jsonb" -> {
                changes.add("`" + column + "` " + base + " → TEXT (JSON, queried with json_extract)");
                yield "TEXT";
            }
            case "bytea", "blob", "binary", "varbinary", "longblob" -> "BLOB";
            default -> {
                changes.add("`" + column + "` " + type + " → TEXT (no SQLite equivalent)");
                yield "TEXT";
            }
        };
    }

    private static String defaults(String c, String column, java.util.Set<String> changes) {
        Matcher d = Pattern.compile("(?i)\\bdefault\\s+(\\S+(?:\\([^)]*\\))?)").matcher(c);
        if (!d.find()) return c;
        String value = d.group(1);
        String v = value.toLowerCase(Locale.ROOT);
        String replacement;
        if (v.equals("now()") || v.startsWith("current_timestamp") || v.equals("localtimestamp")) replacement = "DEFAULT CURRENT_TIMESTAMP";
        else if (v.equals("true")) replacement = "DEFAULT 1";
        else if (v.equals("false")) replacement = "DEFAULT 0";
        else if (v.matches("-?[0-9.]+|'[^']*'(::\\w+)?|null")) replacement = "DEFAULT " + value.replaceAll("::\\w+$", "");
        else {
            changes.add("`" + column + "` default " + abbreviate(value) + " removed (server-side function; set it in the Worker)");
            replacement = "";
        }
        return (c.substring(0, d.start()) + replacement + c.substring(d.end())).strip();
    }

    static String ident(String raw) {
        String s = raw.replaceAll("[\"`]", "");
        if (s.contains(".")) s = s.substring(s.lastIndexOf('.') + 1);
        s = s.toLowerCase(Locale.ROOT);
        return IDENT.matcher(s).matches() ? s : null;
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    private static String stripComments(String text) {
        var sb = new StringBuilder(text);
        Matcher m = Pattern.compile("--[^\n]*|/\\*.*?\\*/", Pattern.DOTALL).matcher(text);
        while (m.find()) for (int i = m.start(); i < m.end(); i++) if (sb.charAt(i) != '\n') sb.setCharAt(i, ' ');
        return sb.toString();
    }

    private static int closing(String s, int open) {
        int depth = 0;
        boolean quoted = false;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'') quoted = !quoted;
            if (quoted) continue;
            if (c == '(') depth++;
            else if (c == ')' && --depth == 0) return i;
        }
        return -1;
    }

    private static List<String> splitTopLevel(String s) {
        var out = new ArrayList<String>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'') quoted = !quoted;
            if (quoted) continue;
            if (c == '(') depth++;
            else if (c == ')') depth--;
            else if (c == ',' && depth == 0) {
                out.add(s.substring(start, i));
                start = i + 1;
            }
        }
        out.add(s.substring(start));
        return out;
    }

    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) if (text.charAt(i) == '\n') line++;
        return line;
    }
}
