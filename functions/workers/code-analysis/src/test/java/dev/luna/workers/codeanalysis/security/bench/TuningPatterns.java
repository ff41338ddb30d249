package dev.luna.workers.codeanalysis.security.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The tuning split's pattern categories (weak cipher, weak hash, weak randomness, insecure cookie, XXE, hard-coded
 * credentials): each case is a servlet body ({@link Part#passes} = vulnerable). Algorithm names arrive as literals,
 * constants, locals, helper results, constant-condition choices and values of the project's .properties file.
 */
final class TuningPatterns {
    private TuningPatterns() {
    }

    /** Cipher cases; {@code props} receives the bench.properties entries they read. */
    static List<Part> crypto(Map<String, String> props) {
        String[][] algs = {{"DES/CBC/PKCS5Padding", "v"}, {"AES/GCM/NoPadding", "s"}, {"DESede/ECB/PKCS5Padding", "v"},
            {"AES/CBC/PKCS5Padding", "s"}, {"RC4", "v"}, {"AES/CTR/NoPadding", "s"}, {"Blowfish", "v"}, {"ChaCha20-Poly1305", "s"},
            {"AES", "v"}, {"RSA/ECB/OAEPWithSHA-256AndMGF1Padding", "s"}, {"AES/ECB/NoPadding", "v"}, {"AES/CCM/NoPadding", "s"},
            {"RC2", "v"}};
        return deliveries("crypto", "javax.crypto.Cipher c = javax.crypto.Cipher.getInstance(%s);\nresponse.getWriter().println(c.getBlockSize());",
                algs, "AES/GCM/NoPadding", "DES/ECB/PKCS5Padding", props);
    }

    static List<Part> hash(Map<String, String> props) {
        String[][] algs = {{"MD5", "v"}, {"SHA-256", "s"}, {"SHA1", "v"}, {"SHA-512", "s"}, {"MD2", "v"}, {"SHA-384", "s"},
            {"SHA-1", "v"}, {"SHA3-256", "s"}, {"SHA", "v"}, {"SHA-512/256", "s"}, {"MD4", "v"}, {"SHA-224", "s"}};
        var out = deliveries("hash", "java.security.MessageDigest md = java.security.MessageDigest.getInstance(%s);\n"
                + "md.update(request.getParameter(\"p\").getBytes());\nresponse.getWriter().println(md.digest().length);", algs, "SHA-256", "MD5", props);
        out.add(Part.of("digestUtilsMd5", true, "response.getWriter().println(org.apache.commons.codec.digest.DigestUtils.md5Hex(\"x\"));"));
        out.add(Part.of("digestUtilsSha256", false, "response.getWriter().println(org.apache.commons.codec.digest.DigestUtils.sha256Hex(\"x\"));"));
        return out;
    }

    /** Algorithm names delivered seven ways; the properties delivery's default is the opposite kind of algorithm. */
    private static List<Part> deliveries(String prefix, String template, String[][] algs, String strong, String weak,
                                         Map<String, String> props) {
        var out = new ArrayList<Part>();
        for (int i = 0; i < 28; i++) {
            String alg = algs[i % algs.length][0];
            boolean vuln = algs[i % algs.length][1].equals("v");
            String other = vuln ? strong : weak;
            String name = prefix + i;
            Part p = switch (i % 7) {
                case 0 -> Part.of(name, vuln, template.formatted(q(alg)));
                case 1 -> Part.of(name, vuln, template.formatted("ALGORITHM"), "private static final String ALGORITHM = " + q(alg) + ";\n");
                case 2 -> Part.of(name, vuln, "String algorithm = " + q(alg) + ";\n" + template.formatted("algorithm"));
                case 3 -> {
                    props.put(prefix + ".alg" + i, alg);
                    yield Part.of(name, vuln, """
                            java.util.Properties props = new java.util.Properties();
                            props.load(this.getClass().getClassLoader().getResourceAsStream("bench.properties"));
                            String algorithm = props.getProperty(%s, %s);
                            """.formatted(q(prefix + ".alg" + i), q(other)) + template.formatted("algorithm"));
                }
                case 4 -> Part.of(name, vuln, template.formatted("algorithm()"), "private String algorithm() {\n    return " + q(alg) + ";\n}\n");
                case 5 -> Part.of(name, vuln, "int num = 86;\nString algorithm = (7 * 42) - num > 200 ? " + q(alg) + " : " + q(other) + ";\n"
                        + template.formatted("algorithm"));
                default -> Part.of(name, vuln, "String algorithm = " + q(other) + ";\nint num = 196;\nif ((500 / 42) + num > 200) algorithm = " + q(alg)
                        + ";\n" + template.formatted("algorithm"));
            };
            out.add(p);
        }
        return out;
    }

    static List<Part> weakRandom() {
        String[][] gens = {{"String value = Integer.toString(new java.util.Random().nextInt());", "v"},
            {"String value = Integer.toString(new java.security.SecureRandom().nextInt());", "s"},
            {"String value = Double.toString(Math.random()).substring(2);", "v"},
            {"String value = Long.toString(java.security.SecureRandom.getInstance(\"SHA1PRNG\").nextLong());", "s"},
            {"String value = Long.toHexString(new java.util.Random().nextLong());", "v"},
            {"byte[] bytes = new byte[16];\nnew java.security.SecureRandom().nextBytes(bytes);\nString value = java.util.Base64.getEncoder().encodeToString(bytes);", "s"},
            {"String value = Integer.toString(java.util.concurrent.ThreadLocalRandom.current().nextInt(1000000));", "v"},
            {"float rand = new java.util.Random().nextFloat();\nString value = Float.toString(rand).substring(2);", "v"},
            {"String value = Double.toString(new java.security.SecureRandom().nextDouble());", "s"},
            {"byte[] bytes = new byte[16];\nnew java.util.Random().nextBytes(bytes);\nString value = java.util.Base64.getEncoder().encodeToString(bytes);", "v"},
            {"String value = Long.toString(java.security.SecureRandom.getInstanceStrong().nextLong());", "s"},
            {"byte[] bytes = new byte[10];\nnew java.util.Random().nextBytes(bytes);\nString value = org.owasp.esapi.ESAPI.encoder().encodeForBase64(bytes, true);", "v"},
            {"double g = new java.util.Random().nextGaussian();\nString value = Double.toString(g).substring(2);", "v"}};
        String[] uses = {
            "javax.servlet.http.Cookie rememberMe = new javax.servlet.http.Cookie(\"rememberMe\", value);\nrememberMe.setSecure(true);\nresponse.addCookie(rememberMe);",
            "request.getSession().setAttribute(\"sessionToken\", value);",
            "String token = value;\nresponse.getWriter().println(\"Your token: \" + token.length());",
            "response.getWriter().println(\"Your reset code is ready\");\nbench.tuning.Helpers.remember(request, value);"};
        var out = new ArrayList<Part>();
        for (int i = 0; i < 26; i++) {
            String[] g = gens[i % gens.length];
            out.add(Part.of("random" + i, g[1].equals("v"), g[0] + "\n" + uses[i % uses.length]));
        }
        out.add(Part.of("diceWeak", false, "int dice = new java.util.Random().nextInt(6) + 1;\nresponse.getWriter().println(\"You rolled \" + dice);"));
        out.add(Part.of("shuffleWeak", false, "java.util.List<String> l = new java.util.ArrayList<>(java.util.List.of(\"a\", \"b\"));\n"
                + "java.util.Collections.shuffle(l, new java.util.Random());\nresponse.getWriter().println(l.get(0));"));
        return out;
    }

    static List<Part> cookies() {
        String[][] v = {{"cookie.setSecure(false);\n", "v"}, {"cookie.setSecure(true);\n", "s"}, {"", "v"},
            {"cookie.setSecure(true);\ncookie.setHttpOnly(true);\n", "s"}, {"cookie.setHttpOnly(true);\ncookie.setSecure(false);\n", "v"},
            {"bench.tuning.Helpers.harden(cookie);\n", "s"}, {"cookie.setMaxAge(60 * 60);\ncookie.setHttpOnly(true);\n", "v"},
            {"cookie.setSecure(\"https\".equals(\"https\"));\n", "s"}};
        var out = new ArrayList<Part>();
        for (int i = 0; i < 26; i++) {
            String[] c = v[i % v.length];
            String value = i % 2 == 0 ? "request.getParameter(\"v\")" : "\"whatever\"";
            out.add(Part.of("cookie" + i, c[1].equals("v"), "javax.servlet.http.Cookie cookie = new javax.servlet.http.Cookie(\"SomeCookie\", "
                    + value + ");\n" + c[0] + "cookie.setPath(request.getRequestURI());\nresponse.addCookie(cookie);"));
        }
        return out;
    }

    static List<Part> xxe() {
        String[][] v = {
            {"javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();\nf.newDocumentBuilder().parse(request.getInputStream());", "v"},
            {"javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();\n"
                + "f.setFeature(\"http://apache.org/xml/features/disallow-doctype-decl\", true);\nf.newDocumentBuilder().parse(request.getInputStream());", "s"},
            {"javax.xml.parsers.SAXParserFactory f = javax.xml.parsers.SAXParserFactory.newInstance();\nf.newSAXParser().parse(request.getInputStream(), new org.xml.sax.helpers.DefaultHandler());", "v"},
            {"javax.xml.parsers.SAXParserFactory f = javax.xml.parsers.SAXParserFactory.newInstance();\n"
                + "f.setFeature(\"http://xml.org/sax/features/external-general-entities\", false);\n"
                + "f.setFeature(\"http://xml.org/sax/features/external-parameter-entities\", false);\n"
                + "f.newSAXParser().parse(request.getInputStream(), new org.xml.sax.helpers.DefaultHandler());", "s"},
            {"javax.xml.stream.XMLInputFactory f = javax.xml.stream.XMLInputFactory.newInstance();\nf.createXMLStreamReader(request.getInputStream());", "v"},
            {"javax.xml.stream.XMLInputFactory f = javax.xml.stream.XMLInputFactory.newInstance();\n"
                + "f.setProperty(javax.xml.stream.XMLInputFactory.SUPPORT_DTD, false);\nf.createXMLStreamReader(request.getInputStream());", "s"},
            {"javax.xml.transform.TransformerFactory f = javax.xml.transform.TransformerFactory.newInstance();\n"
                + "f.newTransformer().transform(new javax.xml.transform.stream.StreamSource(request.getInputStream()), new javax.xml.transform.stream.StreamResult(response.getOutputStream()));", "v"},
            {"javax.xml.transform.TransformerFactory f = javax.xml.transform.TransformerFactory.newInstance();\n"
                + "f.setAttribute(javax.xml.XMLConstants.ACCESS_EXTERNAL_DTD, \"\");\nf.setAttribute(javax.xml.XMLConstants.ACCESS_EXTERNAL_STYLESHEET, \"\");\n"
                + "f.newTransformer();", "s"},
            {"javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();\n"
                + "f.setFeature(\"http://xml.org/sax/features/external-general-entities\", false);\nf.newDocumentBuilder().parse(request.getInputStream());", "v"},
            {"javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();\n"
                + "f.setFeature(javax.xml.XMLConstants.FEATURE_SECURE_PROCESSING, true);\nf.newDocumentBuilder().parse(request.getInputStream());", "s"},
            {"org.dom4j.io.SAXReader reader = new org.dom4j.io.SAXReader();\nreader.read(request.getInputStream());", "v"},
            {"org.dom4j.io.SAXReader reader = new org.dom4j.io.SAXReader();\nreader.setFeature(\"http://apache.org/xml/features/disallow-doctype-decl\", true);\n"
                + "reader.read(request.getInputStream());", "s"},
            {"javax.xml.parsers.DocumentBuilderFactory f = bench.tuning.Helpers.secureFactory();\nf.newDocumentBuilder().parse(request.getInputStream());", "s"}};
        var out = new ArrayList<Part>();
        for (int i = 0; i < 26; i++) out.add(Part.of("xxe" + i, v[i % v.length][1].equals("v"), v[i % v.length][0]));
        return out;
    }

    static List<Part> credentials() {
        String[][] v = {
            {"String password = \"Sup3rS3cret!\";\njava.sql.DriverManager.getConnection(\"jdbc:h2:mem:db\", \"sa\", password);", "v"},
            {"String password = System.getenv(\"DB_PASSWORD\");\njava.sql.DriverManager.getConnection(\"jdbc:h2:mem:db\", \"sa\", password);", "s"},
            {"java.sql.DriverManager.getConnection(\"jdbc:h2:mem:db\", \"sa\", \"hunter2hunter2\");", "v"},
            {"java.sql.DriverManager.getConnection(\"jdbc:h2:mem:db\", \"sa\", request.getParameter(\"pw\"));", "s"},
            {"new java.net.PasswordAuthentication(\"admin\", \"adm1nPass\".toCharArray());", "v"},
            {"String passwordKey = \"app.db.password\";\nresponse.getWriter().println(System.getProperty(passwordKey));", "s"},
            {"if (request.getParameter(\"u\") != null) {\n    String apiKey = \"AKIA1234567890ABCDEF\";\n    response.getWriter().println(apiKey.length());\n}", "v"},
            {"String message = \"Password must contain a digit\";\nresponse.getWriter().println(message);", "s"},
            {"String password = request.getParameter(\"pw\");\nif (password.equals(\"letMeIn42\")) response.getWriter().println(\"ok\");", "v"},
            {"String password = \"\";\nresponse.getWriter().println(password.isEmpty());", "s"},
            {"javax.crypto.spec.SecretKeySpec key = new javax.crypto.spec.SecretKeySpec(\"0123456789abcdef\".getBytes(), \"AES\");\nresponse.getWriter().println(key.getAlgorithm());", "v"},
            {"String clientSecret = bench.tuning.Helpers.secretFromVault();\nresponse.getWriter().println(clientSecret.length());", "s"}};
        var out = new ArrayList<Part>();
        for (int i = 0; i < 26; i++) out.add(Part.of("cred" + i, v[i % v.length][1].equals("v"), v[i % v.length][0]));
        return out;
    }

    private static String q(String s) {
        return "\"" + s + "\"";
    }
}
