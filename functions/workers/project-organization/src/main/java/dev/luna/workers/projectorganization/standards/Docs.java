package dev.luna.workers.projectorganization.standards;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Headings of a README (Markdown {@code #}, setext underlines, reStructuredText underlines, AsciiDoc {@code =}). */
final class Docs {
    private static final Pattern ATX = Pattern.compile("^\\s{0,3}#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern ADOC = Pattern.compile("^={1,6}\\s+(.*)$");
    private static final Pattern UNDERLINE = Pattern.compile("^\\s*([=\\-~^\"'`#*+])\\1{2,}\\s*$");

    private Docs() {
    }

    static List<String> headings(String text) {
        var out = new ArrayList<String>();
        var lines = text.replace("\r\n", "\n").split("\n");
        boolean fence = false;
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            if (l.trim().startsWith("```")) fence = !fence;
            if (fence) continue;
            var m = ATX.matcher(l);
            if (m.matches()) {
                out.add(clean(m.group(1)));
                continue;
            }
            var a = ADOC.matcher(l);
            if (a.matches()) {
                out.add(clean(a.group(1)));
                continue;
            }
            if (i + 1 < lines.length && !l.isBlank() && UNDERLINE.matcher(lines[i + 1]).matches()) out.add(clean(l));
            else if (l.startsWith("**") && l.trim().endsWith("**") && l.trim().length() > 4) out.add(clean(l.replace("*", "")));
        }
        return out;
    }

    private static String clean(String heading) {
        return heading.replaceAll("[*_`\\[\\]()<>:!]", " ").replaceAll("\\s+", " ").trim().toLowerCase(Locale.ROOT);
    }
}
