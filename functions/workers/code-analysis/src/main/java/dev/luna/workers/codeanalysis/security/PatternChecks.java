package dev.luna.workers.codeanalysis.security;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Security checks on API use, seen through the data flow's constants and tracked objects: weak ciphers and hashes
 * (algorithm names folded from constants and the project's .properties), cookies added without Secure/HttpOnly, XML
 * parsers used without the features that stop XXE, Jackson default typing and SnakeYAML's unsafe load, and
 * credentials passed as literals. Each finding names a check; the rule catalog maps checks to rules.
 */
final class PatternChecks {
    private static final Set<String> WEAK_CIPHERS = Set.of("DES", "DESEDE", "TRIPLEDES", "3DES", "RC2", "RC4", "ARCFOUR",
            "ARC4", "BLOWFISH", "RC5", "IDEA");
    private static final Set<String> WEAK_HASHES = Set.of("MD2", "MD4", "MD5", "SHA", "SHA1", "SHA-1", "SHA-0");
    private static final Set<String> WEAK_DIGEST_UTILS = Set.of("md2", "md2Hex", "md5", "md5Hex", "sha", "shaHex", "sha1",
            "sha1Hex", "getMd2Digest", "getMd5Digest", "getShaDigest", "getSha1Digest",
            // Spring's org.springframework.util.DigestUtils offers MD5 only
            "md5Digest", "md5DigestAsHex", "appendMd5DigestAsHex");
    private static final Pattern SESSION_COOKIE = Pattern.compile("(?i)(sess|sid|token|auth|jwt|remember|login|csrf|xsrf)");
    private static final Set<String> CREDENTIAL_SETTERS = Set.of("setPassword", "setSecret", "setClientSecret", "setApiKey",
            "setPassphrase", "setSecretKey", "setAccessKey", "setPrivateKey");

    private final Analysis an;
    private final XxeCheck xxe;

    PatternChecks(Analysis an) {
        this.an = an;
        this.xxe = new XxeCheck(an);
    }

    /** Called for every library call; may return the call's value (a tracked object) or null. */
    Val onCall(Expressions ex, MethodCallExpr m, String name, String rtype, Val recv, List<Val> args, State st) {
        SourceFile file = ex.ctx.file;
        Object a0 = args.isEmpty() ? null : args.get(0).constant;
        switch (name) {
            case "getInstance" -> {
                if (a0 instanceof String alg && "Cipher".equals(rtype)) {
                    String why = weakCipher(alg);
                    if (why != null) report("cipher-algorithm", file, m, "Cipher.getInstance(\"" + alg + "\") uses " + why + ".");
                } else if (a0 instanceof String alg && ("KeyGenerator".equals(rtype) || "SecretKeyFactory".equals(rtype))) {
                    String base = alg.split("/")[0].toUpperCase(Locale.ROOT);
                    if (WEAK_CIPHERS.contains(base) || base.startsWith("PBEWITHMD5ANDDES")) {
                        report("cipher-algorithm", file, m, rtype + ".getInstance(\"" + alg + "\") creates keys for a weak cipher.");
                    }
                } else if (a0 instanceof String alg && "MessageDigest".equals(rtype) && WEAK_HASHES.contains(alg.toUpperCase(Locale.ROOT))) {
                    report("digest-algorithm", file, m, "MessageDigest.getInstance(\"" + alg + "\") uses a broken hash function.");
                }
            }
            case "getProperty" -> {
                boolean trackedMap = recv != null && recv.obj >= 0 && st.heap.get(recv.obj) instanceof HeapObj h && h.kind() == HeapObj.Kind.MAP;
                if (a0 instanceof String key && !trackedMap) {
                    String v = an.properties.get(key);
                    if (v != null && ("Properties".equals(rtype) || rtype == null)) return Val.constant(v, "String");
                    if (args.size() == 2 && "Properties".equals(rtype)) return args.get(1);
                }
            }
            case "addCookie" -> cookieAdded(file, m, args, st);
            case "setSecure", "setHttpOnly" -> {
                if (recv != null && recv.obj >= 0 && st.heap.get(recv.obj) instanceof HeapObj h && "Cookie".equals(h.type())) {
                    Object flag = a0 instanceof Boolean b ? b : HeapObj.UNKNOWN_FLAG;
                    st.heap.put(recv.obj, h.withFlag(name.equals("setSecure") ? "secure" : "httpOnly", flag));
                }
            }
            case "enableDefaultTyping", "enableDefaultTypingAsProperty" ->
                    report("jackson-default-typing", file, m, "ObjectMapper." + name + "() lets JSON input choose the classes to instantiate.");
            case "activateDefaultTyping" -> {
                if (!args.isEmpty() && "LaissezFaireSubTypeValidator".equals(args.get(0).type)
                        || m.getArguments().toString().contains("LaissezFaireSubTypeValidator")) {
                    report("jackson-default-typing", file, m, "ObjectMapper.activateDefaultTyping() with a validator that allows every class.");
                }
            }
            case "load", "loadAll", "loadAs" -> {
                if (recv != null && recv.obj >= 0 && st.heap.get(recv.obj) instanceof HeapObj h && Boolean.FALSE.equals(h.flags().get("yaml-safe"))
                        && !args.isEmpty() && !args.get(0).isConstant()) {
                    report("snakeyaml-unsafe-load", file, m, "Yaml." + name + "() without a SafeConstructor can instantiate any class named in the input.");
                }
            }
            case "getConnection" -> {
                if (args.size() == 3 && args.get(2).constant instanceof String pw && !pw.isBlank()) {
                    report("credential-argument", file, m, "A hard-coded password is passed to getConnection().");
                }
            }
            default -> {
                if (CREDENTIAL_SETTERS.contains(name) && args.size() == 1 && args.get(0).constant instanceof String s && Credentials.looksSecret(s)) {
                    report("credential-argument", file, m, "A hard-coded credential is passed to " + name + "().");
                }
                if (WEAK_DIGEST_UTILS.contains(name) && "DigestUtils".equals(rtype)) {
                    report("digest-utils", file, m, "DigestUtils." + name + "() uses a broken hash function.");
                }
                if (("md5".equals(name) || "sha1".equals(name)) && "Hashing".equals(rtype)) {
                    report("digest-utils", file, m, "Hashing." + name + "() uses a broken hash function.");
                }
            }
        }
        return xxe.onCall(ex, m, name, rtype, recv, args, st);
    }

    void onCreate(Expressions ex, ObjectCreationExpr o, String type, List<Val> args, Val v, State st) {
        SourceFile file = ex.ctx.file;
        HeapObj h = st.heap.get(v.obj);
        switch (type) {
            case "Cookie" -> st.heap.put(v.obj, h.withFlag("name", args.isEmpty() || args.get(0).constant == null ? HeapObj.UNKNOWN_FLAG : args.get(0).constant));
            case "Yaml" -> {
                boolean safe = o.getArguments().toString().contains("SafeConstructor");
                boolean unsafe = args.isEmpty() || Set.of("Constructor", "LoaderOptions", "DumperOptions").contains(args.get(0).type);
                st.heap.put(v.obj, h.withFlag("yaml-safe", safe || !unsafe));
            }
            case "PasswordAuthentication" -> {
                if (args.size() == 2 && args.get(1).constant instanceof String s && !s.isBlank()) {
                    report("credential-argument", file, o, "A hard-coded password is passed to new PasswordAuthentication().");
                }
            }
            case "PBEKeySpec", "SecretKeySpec", "KerberosKey" -> {
                if (!args.isEmpty() && args.get(0).constant instanceof String s && !s.isBlank()) {
                    report("credential-argument", file, o, "A hard-coded key is passed to new " + type + "().");
                }
            }
            default -> xxe.onCreate(o, type, v, st);
        }
    }

    private void cookieAdded(SourceFile file, MethodCallExpr m, List<Val> args, State st) {
        if (args.size() != 1 || args.get(0).obj < 0) return;
        HeapObj h = st.heap.get(args.get(0).obj);
        if (h == null || !"Cookie".equals(h.type()) || h.flags().containsKey("escaped")) return;
        Object secure = h.flags().get("secure");
        Object name = h.flags().get("name");
        String label = name instanceof String s && name != HeapObj.UNKNOWN_FLAG ? "'" + s + "' " : "";
        if (secure == null || Boolean.FALSE.equals(secure)) {
            report("cookie-not-secure", file, m, "Cookie " + label + (secure == null ? "is added to the response without setSecure(true)."
                    : "is added to the response with setSecure(false)."));
        }
        Object httpOnly = h.flags().get("httpOnly");
        if ((httpOnly == null || Boolean.FALSE.equals(httpOnly)) && name != HeapObj.UNKNOWN_FLAG && name instanceof String s
                && SESSION_COOKIE.matcher(s).find()) {
            report("cookie-not-httponly", file, m, "Session-like cookie '" + s + "' is added to the response without setHttpOnly(true).");
        }
    }

    /** Why a Cipher transformation is weak, or null. */
    static String weakCipher(String transformation) {
        String[] parts = transformation.strip().split("/");
        String alg = parts[0].toUpperCase(Locale.ROOT);
        if (WEAK_CIPHERS.contains(alg)) return "the weak algorithm " + parts[0];
        if (alg.startsWith("PBEWITH") && (alg.endsWith("DES") || alg.endsWith("DESEDE") || alg.contains("RC2") || alg.contains("RC4"))) {
            return "the weak algorithm " + parts[0];
        }
        boolean asymmetric = alg.startsWith("RSA") || alg.startsWith("EC") || alg.startsWith("ELGAMAL");
        if (parts.length >= 2 && parts[1].equalsIgnoreCase("ECB") && !asymmetric) return "ECB mode";
        if (parts.length == 1 && (alg.equals("AES") || alg.matches("AES_\\d+"))) return "AES without a mode (ECB by default)";
        return null;
    }

    void report(String check, SourceFile file, Node at, String message) {
        an.findings.pattern(check, file, at, message);
    }
}
