package dev.luna.workers.codeanalysis.security.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The holdout split's pattern cases (handler bodies; {@link Part#passes} = vulnerable), written before any tuning:
 * other APIs and idioms than the tuning split's (Guava and Spring hashing, key factories, concatenated transformation
 * names, constants in other classes, Spring cookies, SAX/JDOM parsers, @Value-injected secrets).
 */
final class HoldoutPatterns {
    private HoldoutPatterns() {
    }

    private static List<Part> cycle(String prefix, String[][] v, int n) {
        var out = new ArrayList<Part>();
        for (int i = 0; i < n; i++) out.add(Part.of(prefix + i, v[i % v.length][1].equals("v"), v[i % v.length][0]));
        return out;
    }

    static List<Part> crypto() {
        return cycle("crypto", new String[][] {
            {"javax.crypto.Cipher c = javax.crypto.Cipher.getInstance(\"DES\");\nresult = c.getAlgorithm();", "v"},
            {"javax.crypto.Cipher c = javax.crypto.Cipher.getInstance(\"AES/GCM/NoPadding\");\nresult = c.getAlgorithm();", "s"},
            {"javax.crypto.Cipher c = javax.crypto.Cipher.getInstance(\"AES\" + \"/ECB/\" + \"PKCS5Padding\");\nresult = c.getAlgorithm();", "v"},
            {"javax.crypto.Cipher c = javax.crypto.Cipher.getInstance(bench.holdout.CryptoConfig.TRANSFORMATION);\nresult = c.getAlgorithm();", "s"},
            {"javax.crypto.SecretKeyFactory f = javax.crypto.SecretKeyFactory.getInstance(\"PBEWithMD5AndDES\");\nresult = f.getAlgorithm();", "v"},
            {"javax.crypto.KeyGenerator g = javax.crypto.KeyGenerator.getInstance(\"AES\");\ng.init(256);\nresult = g.getAlgorithm();", "s"},
            {"javax.crypto.Cipher c = javax.crypto.Cipher.getInstance(bench.holdout.CryptoConfig.LEGACY);\nresult = c.getAlgorithm();", "v"},
            {"javax.crypto.Cipher c = javax.crypto.Cipher.getInstance(\"RSA/ECB/OAEPWithSHA-1AndMGF1Padding\");\nresult = c.getAlgorithm();", "s"},
            {"String mode = \"legacy\";\nString t = switch (mode) {\n    case \"legacy\" -> \"DESede/CBC/PKCS5Padding\";\n    default -> \"AES/GCM/NoPadding\";\n};\n"
                + "result = javax.crypto.Cipher.getInstance(t).getAlgorithm();", "v"},
            {"String mode = \"modern\";\nString t = switch (mode) {\n    case \"legacy\" -> \"DESede/CBC/PKCS5Padding\";\n    default -> \"AES/GCM/NoPadding\";\n};\n"
                + "result = javax.crypto.Cipher.getInstance(t).getAlgorithm();", "s"},
            {"javax.crypto.Cipher c = javax.crypto.Cipher.getInstance(\"ARCFOUR\");\nresult = c.getAlgorithm();", "v"},
            {"javax.crypto.Cipher c = javax.crypto.Cipher.getInstance(\"AES/CBC/PKCS5Padding\", \"BC\");\nresult = c.getAlgorithm();", "s"}}, 26);
    }

    static List<Part> hash() {
        return cycle("hash", new String[][] {
            {"result = org.apache.commons.codec.digest.DigestUtils.sha1Hex(input);", "v"},
            {"result = org.apache.commons.codec.digest.DigestUtils.sha512Hex(input);", "s"},
            {"result = com.google.common.hash.Hashing.md5().hashString(input, java.nio.charset.StandardCharsets.UTF_8).toString();", "v"},
            {"result = com.google.common.hash.Hashing.sha256().hashString(input, java.nio.charset.StandardCharsets.UTF_8).toString();", "s"},
            {"java.security.MessageDigest md = java.security.MessageDigest.getInstance(bench.holdout.CryptoConfig.DIGEST);\nresult = new String(md.digest(input.getBytes()));", "v"},
            {"java.security.MessageDigest md = java.security.MessageDigest.getInstance(\"SHA-256\");\nresult = new String(md.digest(input.getBytes()));", "s"},
            {"result = org.springframework.util.DigestUtils.md5DigestAsHex(input.getBytes());", "v"},
            {"result = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance(\"SHA3-512\").digest(input.getBytes()));", "s"},
            {"java.security.MessageDigest md = java.security.MessageDigest.getInstance(\"md5\");\nresult = new String(md.digest(input.getBytes()));", "v"},
            {"result = String.valueOf(input.hashCode());", "s"}}, 26);
    }

    static List<Part> weakRandom() {
        return cycle("random", new String[][] {
            {"String otp = String.valueOf(100000 + new java.util.Random(System.nanoTime()).nextInt(900000));\nresult = \"sent\";\nsession.setAttribute(\"otp\", otp);", "v"},
            {"String otp = String.valueOf(100000 + new java.security.SecureRandom().nextInt(900000));\nsession.setAttribute(\"otp\", otp);", "s"},
            {"String resetToken = org.apache.commons.lang3.RandomStringUtils.randomAlphanumeric(24);\nresult = \"check your mail\";\nbench.holdout.Mailer.send(input, resetToken);", "v"},
            {"String resetToken = java.util.UUID.randomUUID().toString();\nbench.holdout.Mailer.send(input, resetToken);", "s"},
            {"long csrf = java.util.concurrent.ThreadLocalRandom.current().nextLong();\nsession.setAttribute(\"csrf\", Long.toHexString(csrf));", "v"},
            {"if (Math.random() < 0.01) {\n    result = \"sampled\";\n}", "s"},
            {"byte[] salt = new byte[16];\nnew java.util.Random().nextBytes(salt);\nresult = java.util.Base64.getEncoder().encodeToString(new javax.crypto.spec.PBEKeySpec(input.toCharArray(), salt, 1000, 256).getSalt());", "v"},
            {"byte[] salt = new byte[16];\njava.security.SecureRandom.getInstanceStrong().nextBytes(salt);\nresult = java.util.Base64.getEncoder().encodeToString(salt);", "s"},
            {"javax.servlet.http.Cookie c = new javax.servlet.http.Cookie(\"sid\", Long.toString(new java.util.Random().nextLong(), 36));\nc.setSecure(true);\nc.setHttpOnly(true);\nresponse.addCookie(c);", "v"},
            {"int pick = new java.util.Random().nextInt(bench.holdout.Allowed.NAMES.size());\nresult = \"tip #\" + pick;", "s"}}, 26);
    }

    static List<Part> cookies() {
        return cycle("cookie", new String[][] {
            {"javax.servlet.http.Cookie c = new javax.servlet.http.Cookie(\"lang\", input);\nc.setSecure(false);\nresponse.addCookie(c);", "v"},
            {"javax.servlet.http.Cookie c = new javax.servlet.http.Cookie(\"lang\", input);\nc.setSecure(true);\nresponse.addCookie(c);", "s"},
            {"javax.servlet.http.Cookie c = new javax.servlet.http.Cookie(\"theme\", \"dark\");\nc.setMaxAge(3600);\nresponse.addCookie(c);", "v"},
            {"javax.servlet.http.Cookie c = new javax.servlet.http.Cookie(\"theme\", \"dark\");\nc.setMaxAge(3600);\nc.setSecure(true);\nresponse.addCookie(c);", "s"},
            {"boolean secure = false;\njavax.servlet.http.Cookie c = new javax.servlet.http.Cookie(\"cart\", input);\nc.setSecure(secure);\nresponse.addCookie(c);", "v"},
            {"javax.servlet.http.Cookie c = bench.holdout.Cookies.secureCookie(\"cart\", input);\nresponse.addCookie(c);", "s"},
            {"javax.servlet.http.Cookie c = new javax.servlet.http.Cookie(\"cart\", input);\nc.setHttpOnly(true);\nc.setPath(\"/\");\nresponse.addCookie(c);", "v"},
            {"javax.servlet.http.Cookie c = new javax.servlet.http.Cookie(\"cart\", input);\nc.setSecure(bench.holdout.Flags.HTTPS_ONLY);\nresponse.addCookie(c);", "s"}}, 26);
    }

    static List<Part> xxe() {
        return cycle("xxe", new String[][] {
            {"javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();\nf.setExpandEntityReferences(false);\n"
                + "result = f.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(input.getBytes())).getDocumentElement().getTextContent();", "v"},
            {"javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();\n"
                + "f.setAttribute(javax.xml.XMLConstants.ACCESS_EXTERNAL_DTD, \"\");\nf.setAttribute(javax.xml.XMLConstants.ACCESS_EXTERNAL_SCHEMA, \"\");\n"
                + "result = f.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(input.getBytes())).getDocumentElement().getTextContent();", "s"},
            {"org.xml.sax.XMLReader reader = org.xml.sax.helpers.XMLReaderFactory.createXMLReader();\nreader.parse(new org.xml.sax.InputSource(new java.io.StringReader(input)));", "v"},
            {"org.xml.sax.XMLReader reader = org.xml.sax.helpers.XMLReaderFactory.createXMLReader();\n"
                + "reader.setFeature(\"http://apache.org/xml/features/disallow-doctype-decl\", true);\nreader.parse(new org.xml.sax.InputSource(new java.io.StringReader(input)));", "s"},
            {"org.jdom2.input.SAXBuilder builder = new org.jdom2.input.SAXBuilder();\nresult = builder.build(new java.io.StringReader(input)).getRootElement().getName();", "v"},
            {"org.jdom2.input.SAXBuilder builder = new org.jdom2.input.SAXBuilder();\nbuilder.setFeature(\"http://apache.org/xml/features/disallow-doctype-decl\", true);\n"
                + "result = builder.build(new java.io.StringReader(input)).getRootElement().getName();", "s"},
            {"javax.xml.stream.XMLInputFactory f = javax.xml.stream.XMLInputFactory.newFactory();\n"
                + "javax.xml.stream.XMLStreamReader r = f.createXMLStreamReader(new java.io.StringReader(input));\nresult = r.getVersion();", "v"},
            {"javax.xml.stream.XMLInputFactory f = javax.xml.stream.XMLInputFactory.newFactory();\nf.setProperty(javax.xml.stream.XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);\n"
                + "javax.xml.stream.XMLStreamReader r = f.createXMLStreamReader(new java.io.StringReader(input));\nresult = r.getVersion();", "s"},
            {"javax.xml.validation.SchemaFactory sf = javax.xml.validation.SchemaFactory.newInstance(javax.xml.XMLConstants.W3C_XML_SCHEMA_NS_URI);\n"
                + "sf.newSchema(new javax.xml.transform.stream.StreamSource(new java.io.StringReader(input)));", "v"},
            {"javax.xml.bind.Unmarshaller u = javax.xml.bind.JAXBContext.newInstance(bench.holdout.Payload.class).createUnmarshaller();\n"
                + "result = String.valueOf(u.unmarshal(new java.io.StringReader(input)));", "s"}}, 26);
    }

    static List<Part> credentials() {
        return cycle("cred", new String[][] {
            {"String dbPassword = \"pr0d-Passw0rd\";\nresult = bench.holdout.Db.connect(\"app\", dbPassword);", "v"},
            {"String dbPassword = System.getenv(\"DB_PASSWORD\");\nresult = bench.holdout.Db.connect(\"app\", dbPassword);", "s"},
            {"bench.holdout.Db.Settings settings = new bench.holdout.Db.Settings();\nsettings.setPassword(\"Adm1n!2024\");\nresult = settings.toString();", "v"},
            {"bench.holdout.Db.Settings settings = new bench.holdout.Db.Settings();\nsettings.setPassword(input);\nresult = settings.toString();", "s"},
            {"String jwtSecret = \"c2VjcmV0LXNpZ25pbmcta2V5LTEyMw\";\nresult = bench.holdout.Tokens.sign(input, jwtSecret);", "v"},
            {"String jwtSecret = bench.holdout.Tokens.secretFromEnvironment();\nresult = bench.holdout.Tokens.sign(input, jwtSecret);", "s"},
            {"java.sql.Connection c = java.sql.DriverManager.getConnection(\"jdbc:postgresql://db/app\", \"app\", \"t0ps3cret\");\nc.close();", "v"},
            {"String username = \"admin\";\nresult = username + input;", "s"},
            {"java.net.Authenticator.setDefault(new java.net.Authenticator() {\n    protected java.net.PasswordAuthentication getPasswordAuthentication() {\n"
                + "        return new java.net.PasswordAuthentication(\"proxy\", \"Pr0xyPa55\".toCharArray());\n    }\n});", "v"},
            {"String passwordHint = \"Use at least 12 characters\";\nresult = passwordHint;", "s"}}, 26);
    }
}
