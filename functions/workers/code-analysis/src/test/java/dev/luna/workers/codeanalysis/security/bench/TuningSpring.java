package dev.luna.workers.codeanalysis.security.bench;

import java.util.List;

/**
 * Spring-style cases of the tuning split: handler methods of a {@code @Controller} whose parameters are request
 * data (annotated, plain, a bound form object), reusing the tuning flows and sinks. Each source defines {@code param}.
 */
final class TuningSpring {
    private TuningSpring() {
    }

    record Source(String params, String code) {
    }

    static final List<Source> SOURCES = List.of(
            new Source("@org.springframework.web.bind.annotation.RequestParam String vector", "String param = vector;"),
            new Source("@org.springframework.web.bind.annotation.RequestParam(value = \"v\", required = false) String v",
                    "String param = v == null ? \"\" : v;"),
            new Source("@org.springframework.web.bind.annotation.RequestHeader(\"X-Vector\") String header", "String param = header;"),
            new Source("@org.springframework.web.bind.annotation.PathVariable(\"id\") String id", "String param = id;"),
            new Source("@org.springframework.web.bind.annotation.ModelAttribute bench.tuning.Form form", "String param = form.getText();"),
            new Source("@org.springframework.web.bind.annotation.RequestBody bench.tuning.Form form", "String param = form.text;"),
            new Source("String vector", "String param = vector.trim();"),
            new Source("@org.springframework.web.bind.annotation.CookieValue(\"vector\") String cookie", "String param = cookie;"));

    static String controller(String pkg, String cls, int cwe, boolean vulnerable, Source source, String body, String members) {
        return "package " + pkg + ";\n\n"
                + "// bench: cwe=" + cwe + " vulnerable=" + vulnerable + "\n"
                + "@org.springframework.stereotype.Controller\n"
                + "public class " + cls + " {\n"
                + "    @org.springframework.web.bind.annotation.RequestMapping(value = \"/" + cls + "\", method = org.springframework.web.bind.annotation.RequestMethod.POST)\n"
                + "    public void handle(" + source.params() + ", javax.servlet.http.HttpServletRequest request,\n"
                + "            javax.servlet.http.HttpServletResponse response) throws Exception {\n"
                + Corpus.indent(source.code() + "\n" + body, 8) + "\n"
                + "    }\n"
                + (members.isBlank() ? "" : "\n" + Corpus.indent(members.strip(), 4) + "\n")
                + "}\n";
    }
}
