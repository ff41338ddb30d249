package dev.luna.codebase.behaviour;

/** The route a file-based router (Next.js {@code pages/} and {@code app/}, Expo Router {@code app/}) serves a file at. */
final class FileRoutes {
    private FileRoutes() {
    }

    static String route(String file) {
        String p = file.replaceFirst("^(.*/)?src/", "");
        int pages = p.indexOf("pages/");
        int app = p.indexOf("app/");
        if (pages == 0 || p.contains("/pages/")) p = p.substring(p.indexOf("pages/") + 6);
        else if (app == 0 || p.contains("/app/")) p = p.substring(p.indexOf("app/") + 4);
        p = p.replaceFirst("\\.[a-z]+$", "");
        var sb = new StringBuilder();
        for (String seg : p.split("/")) {
            if (seg.isEmpty() || seg.equals("index") || seg.equals("page") || seg.equals("route") || seg.equals("_layout")
                    || seg.equals("layout") || (seg.startsWith("(") && seg.endsWith(")"))) continue;
            if (seg.startsWith("[[...") && seg.endsWith("]]")) seg = "{" + seg.substring(5, seg.length() - 2) + "*}";
            else if (seg.startsWith("[...") && seg.endsWith("]")) seg = "{" + seg.substring(4, seg.length() - 1) + "*}";
            else if (seg.startsWith("[") && seg.endsWith("]")) seg = "{" + seg.substring(1, seg.length() - 1) + "}";
            sb.append('/').append(seg);
        }
        return sb.isEmpty() ? "/" : sb.toString();
    }
}
