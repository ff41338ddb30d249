package dev.luna.workers.codeanalysis.security.bench;

/** The holdout split's shared classes: request body, services, allow-lists, flags, holders, configuration. */
final class HoldoutSupport {
    private HoldoutSupport() {
    }

    static void add(Corpus.Builder b) {
        b.support("bench/holdout/Payload.java", """
                package bench.holdout;

                public class Payload {
                    private String value;

                    public String getValue() {
                        return value;
                    }

                    public void setValue(String value) {
                        this.value = value;
                    }
                }
                """);
        b.support("bench/holdout/TextService.java", """
                package bench.holdout;

                public class TextService {
                    public String normalize(String s) {
                        return collapse(s.strip());
                    }

                    private static String collapse(String s) {
                        return s.replaceAll("\\\\s+", " ");
                    }

                    public String digits(String s) {
                        return String.valueOf(Long.parseLong(s.strip()));
                    }
                }
                """);
        b.support("bench/holdout/Allowed.java", """
                package bench.holdout;

                public final class Allowed {
                    public static final java.util.Set<String> NAMES = java.util.Set.of("alice", "bob");
                    private static final java.util.Map<String, String> ENDPOINTS = java.util.Map.of("status", "https://status.example.com/");

                    private Allowed() {
                    }

                    public static String endpoint(String key) {
                        return ENDPOINTS.getOrDefault(key, "https://www.example.com/");
                    }
                }
                """);
        b.support("bench/holdout/Flags.java", """
                package bench.holdout;

                public final class Flags {
                    public static final boolean DEBUG = false;
                    public static final boolean HTTPS_ONLY = true;

                    private Flags() {
                    }
                }
                """);
        b.support("bench/holdout/Holder.java", """
                package bench.holdout;

                public class Holder {
                    private final String content;
                    private final String name = "holder";

                    public Holder(String content) {
                        this.content = content;
                    }

                    public String get() {
                        return content;
                    }

                    public String label() {
                        return name;
                    }
                }
                """);
        b.support("bench/holdout/Documents.java", """
                package bench.holdout;

                public final class Documents {
                    private Documents() {
                    }

                    public static org.w3c.dom.Document catalog() {
                        return null;
                    }
                }
                """);
        b.support("bench/holdout/CryptoConfig.java", """
                package bench.holdout;

                public final class CryptoConfig {
                    public static final String TRANSFORMATION = "AES/GCM/NoPadding";
                    public static final String LEGACY = "DES/ECB/PKCS5Padding";
                    public static final String DIGEST = "SHA-1";

                    private CryptoConfig() {
                    }
                }
                """);
        b.support("bench/holdout/Mailer.java", """
                package bench.holdout;

                public final class Mailer {
                    private Mailer() {
                    }

                    public static void send(String to, String token) {
                        System.out.println("mail to " + to);
                    }
                }
                """);
        b.support("bench/holdout/Cookies.java", """
                package bench.holdout;

                public final class Cookies {
                    private Cookies() {
                    }

                    public static javax.servlet.http.Cookie secureCookie(String name, String value) {
                        javax.servlet.http.Cookie c = new javax.servlet.http.Cookie(name, value);
                        c.setSecure(true);
                        c.setHttpOnly(true);
                        return c;
                    }
                }
                """);
        b.support("bench/holdout/Db.java", """
                package bench.holdout;

                public final class Db {
                    private Db() {
                    }

                    public static String connect(String user, String password) {
                        return user + "@db";
                    }

                    public static class Settings {
                        private String password;

                        public void setPassword(String password) {
                            this.password = password;
                        }
                    }
                }
                """);
        b.support("bench/holdout/Tokens.java", """
                package bench.holdout;

                public final class Tokens {
                    private Tokens() {
                    }

                    public static String sign(String payload, String secret) {
                        return payload + "." + secret.length();
                    }

                    public static String secretFromEnvironment() {
                        return System.getenv("JWT_SECRET");
                    }
                }
                """);
    }
}
