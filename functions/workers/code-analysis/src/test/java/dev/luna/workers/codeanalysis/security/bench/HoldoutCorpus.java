package dev.luna.workers.codeanalysis.security.bench;

import java.util.List;

/**
 * The holdout split: Spring controllers composed from {@link HoldoutTaint} and {@link HoldoutSinks}, plus
 * {@link HoldoutPatterns}, with services and helpers in other files. Written before tuning; never tuned on.
 */
final class HoldoutCorpus {
    static final int PER_CATEGORY = 30;
    private static final String PKG = "bench.holdout";

    private HoldoutCorpus() {
    }

    static Corpus build() {
        var b = new Corpus.Builder(PKG);
        int c = 0;
        for (Category cat : HoldoutSinks.CATEGORIES) {
            for (int i = 0; i < PER_CATEGORY; i++) {
                var source = HoldoutTaint.SOURCES.get((i * 5 + c) % HoldoutTaint.SOURCES.size());
                Part flow = HoldoutTaint.FLOWS.get((i * 7 + c) % HoldoutTaint.FLOWS.size());
                Part sink = cat.sinks().get((i + c) % cat.sinks().size());
                String body = source.code() + "\n" + flow.code().replace("RIGHT", cat.rightSanitizer()).replace("WRONG", cat.wrongSanitizer())
                        + "\n" + sink.code();
                controller(b, cat.name(), cat.cwe(), flow.passes() && sink.passes(), source.params(), body);
            }
            c++;
        }
        patterns(b, "crypto", 327, HoldoutPatterns.crypto());
        patterns(b, "hash", 328, HoldoutPatterns.hash());
        patterns(b, "weakrand", 330, HoldoutPatterns.weakRandom());
        patterns(b, "securecookie", 614, HoldoutPatterns.cookies());
        patterns(b, "xxe", 611, HoldoutPatterns.xxe());
        patterns(b, "hardcoded", 798, HoldoutPatterns.credentials());
        HoldoutSupport.add(b);
        return b.build("holdout");
    }

    private static void patterns(Corpus.Builder b, String category, int cwe, List<Part> parts) {
        for (Part p : parts) controller(b, category, cwe, p.passes(), "", "String input = request.getParameter(\"q\");\n" + p.code());
    }

    private static void controller(Corpus.Builder b, String category, int cwe, boolean vulnerable, String params, String body) {
        int n = b.count(category) + 1;
        String cls = Corpus.title(category) + "Controller%03d".formatted(n);
        String code = "package " + PKG + "." + category + ";\n\n"
                + "// bench: cwe=" + cwe + " vulnerable=" + vulnerable + "\n"
                + "@org.springframework.web.bind.annotation.RestController\n"
                + "public class " + cls + " {\n"
                + "    private org.springframework.jdbc.core.JdbcTemplate jdbc;\n"
                + "    private org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate namedJdbc;\n"
                + "    private javax.persistence.EntityManager entityManager;\n"
                + "    private javax.sql.DataSource dataSource;\n"
                + "    private org.springframework.ldap.core.LdapTemplate ldapTemplate;\n"
                + "    private org.springframework.web.client.RestTemplate restTemplate;\n\n"
                + "    @org.springframework.web.bind.annotation.PostMapping(\"/" + category + "/" + n + "\")\n"
                + "    public String handle(" + (params.isEmpty() ? "" : params + ", ")
                + "javax.servlet.http.HttpServletRequest request,\n"
                + "            javax.servlet.http.HttpServletResponse response, javax.servlet.http.HttpSession session) throws Exception {\n"
                + "        String result = \"ok\";\n"
                + Corpus.indent(body, 8) + "\n"
                + "        return result;\n"
                + "    }\n"
                + "}\n";
        b.add(new BenchCase(PKG + "." + category + "." + cls, category, cwe, vulnerable,
                PKG.replace('.', '/') + "/" + category + "/" + cls + ".java", code));
    }
}
