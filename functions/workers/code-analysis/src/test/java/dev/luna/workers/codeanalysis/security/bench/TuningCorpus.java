package dev.luna.workers.codeanalysis.security.bench;

import java.util.stream.Collectors;

/** The tuning split: servlet cases composed from {@link TuningTaint} and {@link TuningSinks}, plus {@link TuningPatterns}. */
final class TuningCorpus {
    static final int PER_CATEGORY = 30;
    static final int SPRING_PER_CATEGORY = 12;

    private TuningCorpus() {
    }

    static Corpus build() {
        var b = new Corpus.Builder("bench.tuning");
        int c = 0;
        for (Category cat : TuningSinks.CATEGORIES) {
            for (int i = 0; i < PER_CATEGORY; i++) {
                Part source = TuningTaint.SOURCES.get((i * 3 + c) % TuningTaint.SOURCES.size());
                Part flow = TuningTaint.FLOWS.get((i + c) % TuningTaint.FLOWS.size());
                Part sink = cat.sinks().get((i + i / TuningTaint.FLOWS.size() + c) % cat.sinks().size());
                String flowCode = flow.code().replace("RIGHT", cat.rightSanitizer()).replace("WRONG", cat.wrongSanitizer());
                b.servlet(cat.name(), cat.cwe(), source.passes() && flow.passes() && sink.passes(),
                        source.code() + "\n" + flowCode + "\n" + sink.code(), flow.members());
            }
            for (int i = 0; i < SPRING_PER_CATEGORY; i++) {
                var source = TuningSpring.SOURCES.get((i + c) % TuningSpring.SOURCES.size());
                Part flow = TuningTaint.FLOWS.get((i * 3 + c) % TuningTaint.FLOWS.size());
                Part sink = cat.sinks().get((i * 2 + c) % cat.sinks().size());
                String flowCode = flow.code().replace("RIGHT", cat.rightSanitizer()).replace("WRONG", cat.wrongSanitizer());
                int n = b.count(cat.name()) + 1;
                String cls = Corpus.title(cat.name()) + "Controller%03d".formatted(n);
                String pkg = "bench.tuning." + cat.name();
                boolean vuln = flow.passes() && sink.passes();
                b.add(new BenchCase(pkg + "." + cls, cat.name(), cat.cwe(), vuln, pkg.replace('.', '/') + "/" + cls + ".java",
                        TuningSpring.controller(pkg, cls, cat.cwe(), vuln, source, flowCode + "\n" + sink.code(), flow.members())));
            }
            c++;
        }
        var props = new java.util.TreeMap<String, String>();
        patterns(b, "crypto", 327, TuningPatterns.crypto(props));
        patterns(b, "hash", 328, TuningPatterns.hash(props));
        patterns(b, "weakrand", 330, TuningPatterns.weakRandom());
        patterns(b, "securecookie", 614, TuningPatterns.cookies());
        patterns(b, "xxe", 611, TuningPatterns.xxe());
        patterns(b, "hardcoded", 798, TuningPatterns.credentials());
        support(b, props);
        return b.build("tuning");
    }

    private static void patterns(Corpus.Builder b, String category, int cwe, java.util.List<Part> parts) {
        for (Part p : parts) b.servlet(category, cwe, p.passes(), p.code(), p.members());
    }

    private static void support(Corpus.Builder b, java.util.Map<String, String> props) {
        b.support("bench/tuning/Helpers.java", """
                package bench.tuning;

                public final class Helpers {
                    private Helpers() {
                    }

                    public static String decorate(String s) {
                        StringBuilder sb = new StringBuilder("[");
                        sb.append(s.trim());
                        return sb.append("]").toString();
                    }

                    public static String fixed(String s) {
                        String result = s;
                        result = "fixed-value";
                        return result;
                    }

                    public static void remember(javax.servlet.http.HttpServletRequest request, String code) {
                        request.getSession().setAttribute("resetCode", code);
                    }

                    public static void harden(javax.servlet.http.Cookie cookie) {
                        cookie.setSecure(true);
                        cookie.setHttpOnly(true);
                    }

                    public static javax.xml.parsers.DocumentBuilderFactory secureFactory() throws Exception {
                        javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
                        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                        return f;
                    }

                    public static String secretFromVault() {
                        return System.getenv("CLIENT_SECRET");
                    }
                }
                """);
        b.support("bench/tuning/RequestWrapper.java", """
                package bench.tuning;

                public class RequestWrapper {
                    private final javax.servlet.http.HttpServletRequest request;

                    public RequestWrapper(javax.servlet.http.HttpServletRequest request) {
                        this.request = request;
                    }

                    public String getTheParameter(String p) {
                        return request.getParameter(p);
                    }

                    public String getTheValue(String p) {
                        return "bar";
                    }
                }
                """);
        b.support("bench/tuning/LdapHelper.java", """
                package bench.tuning;

                public class LdapHelper {
                    public javax.naming.directory.DirContext getDirContext() throws javax.naming.NamingException {
                        java.util.Hashtable<String, String> env = new java.util.Hashtable<>();
                        env.put("java.naming.provider.url", "ldap://localhost:10389");
                        return new javax.naming.directory.InitialDirContext(env);
                    }
                }
                """);
        b.support("bench/tuning/Form.java", """
                package bench.tuning;

                public class Form {
                    public String text;
                    private int count;

                    public String getText() {
                        return text;
                    }

                    public int getCount() {
                        return count;
                    }
                }
                """);
        b.support("bench/tuning/Db.java", """
                package bench.tuning;

                public final class Db {
                    public static final String BASE_DIR = "/srv/bench/files/";
                    public static final java.util.Map<String, String> HOSTS = java.util.Map.of("a", "https://a.example.com/");
                    private static javax.sql.DataSource dataSource;
                    private static org.springframework.jdbc.core.JdbcTemplate template;

                    private Db() {
                    }

                    public static java.sql.Connection connection() throws java.sql.SQLException {
                        return dataSource.getConnection();
                    }

                    public static org.springframework.jdbc.core.JdbcTemplate template() {
                        return template;
                    }
                }
                """);
        b.support("bench/tuning/ThingInterface.java", """
                package bench.tuning;

                public interface ThingInterface {
                    String doSomething(String i);
                }
                """);
        b.support("bench/tuning/ThingFactory.java", """
                package bench.tuning;

                public final class ThingFactory {
                    private ThingFactory() {
                    }

                    public static ThingInterface createThing() {
                        String which = System.getProperty("thing", "Thing1");
                        return which.equals("Thing2") ? new Thing2() : new Thing1();
                    }
                }
                """);
        b.support("bench/tuning/Thing1.java", """
                package bench.tuning;

                public class Thing1 implements ThingInterface {
                    @Override
                    public String doSomething(String i) {
                        return i;
                    }
                }
                """);
        b.support("bench/tuning/Thing2.java", """
                package bench.tuning;

                public class Thing2 implements ThingInterface {
                    @Override
                    public String doSomething(String i) {
                        StringBuilder buf = new StringBuilder(i);
                        buf.append(" SafeStuff");
                        return buf.toString();
                    }
                }
                """);
        b.support("bench.properties", props.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n", "", "\n")));
    }
}
