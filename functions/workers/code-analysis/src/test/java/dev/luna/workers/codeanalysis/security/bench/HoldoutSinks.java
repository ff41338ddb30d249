package dev.luna.workers.codeanalysis.security.bench;

import java.util.List;

/** The holdout split's taint categories: other sink APIs than the tuning split's, and their sanitizers. */
final class HoldoutSinks {
    private HoldoutSinks() {
    }

    private static final String ENC = "org.owasp.esapi.ESAPI.encoder()";
    private static final String HTML = "org.owasp.encoder.Encode.forHtml(input)";

    static final List<Category> CATEGORIES = List.of(
            new Category("sqli", 89, List.of(
                    Part.of("jdbcUpdate", true, "jdbc.update(\"UPDATE accounts SET nick='\" + value + \"' WHERE id=1\");"),
                    Part.of("nativeQuery", true, "entityManager.createNativeQuery(\"SELECT * FROM orders WHERE ref = '\" + value + \"'\").getResultList();"),
                    Part.of("jpqlParameter", false, "entityManager.createQuery(\"FROM Order o WHERE o.ref = :ref\").setParameter(\"ref\", value).getResultList();"),
                    Part.of("namedParameters", false, "namedJdbc.queryForList(\"SELECT * FROM orders WHERE ref = :ref\", java.util.Map.of(\"ref\", value));"),
                    Part.of("executeUpdate", true, "try (java.sql.Connection c = dataSource.getConnection(); java.sql.Statement s = c.createStatement()) {\n"
                            + "    s.executeUpdate(\"DELETE FROM carts WHERE owner = '\" + value + \"'\");\n}")),
                    "String.valueOf(Long.parseLong(input))", HTML),
            new Category("cmdi", 78, List.of(
                    Part.of("shell", true, "new ProcessBuilder(\"sh\", \"-c\", \"grep \" + value + \" /var/log/app.log\").start();"),
                    Part.of("commandList", true, "ProcessBuilder pb = new ProcessBuilder();\npb.command(java.util.Arrays.asList(\"git\", \"log\", value));\npb.start();"),
                    Part.of("fixedArray", false, "Process p = Runtime.getRuntime().exec(new String[] {\"ls\", \"-l\"});\nresult = value.trim();"),
                    Part.of("execConcat", true, "Process p = Runtime.getRuntime().exec(\"nslookup \" + value);\np.waitFor();")),
                    ENC + ".encodeForOS(new org.owasp.esapi.codecs.UnixCodec(), input)", HTML),
            new Category("ldapi", 90, List.of(
                    Part.of("ldapTemplate", true, "ldapTemplate.search(\"ou=people\", \"(cn=\" + value + \")\", (org.springframework.ldap.core.AttributesMapper<String>) a -> \"x\");"),
                    Part.of("dirContext", true, "java.util.Hashtable<String, String> env = new java.util.Hashtable<>();\n"
                            + "javax.naming.directory.DirContext ctx = new javax.naming.directory.InitialDirContext(env);\n"
                            + "ctx.search(\"dc=example,dc=com\", \"(mail=\" + value + \")\", new javax.naming.directory.SearchControls());"),
                    Part.of("queryBuilder", false, "ldapTemplate.search(org.springframework.ldap.query.LdapQueryBuilder.query().where(\"cn\").is(value), "
                            + "(org.springframework.ldap.core.AttributesMapper<String>) a -> \"x\");")),
                    ENC + ".encodeForLDAP(input)", HTML),
            new Category("xpathi", 643, List.of(
                    Part.of("evaluateDoc", true, "javax.xml.xpath.XPath xpath = javax.xml.xpath.XPathFactory.newInstance().newXPath();\n"
                            + "result = xpath.evaluate(\"//book[title='\" + value + \"']/price\", bench.holdout.Documents.catalog());"),
                    Part.of("compiled", true, "javax.xml.xpath.XPathExpression expr = javax.xml.xpath.XPathFactory.newInstance().newXPath().compile(\"//user[@id='\" + value + \"']\");\n"
                            + "result = expr.evaluate(bench.holdout.Documents.catalog());"),
                    Part.of("fixedExpression", false, "javax.xml.xpath.XPath xpath = javax.xml.xpath.XPathFactory.newInstance().newXPath();\n"
                            + "result = xpath.evaluate(\"count(//book)\", bench.holdout.Documents.catalog()) + value.length();")),
                    ENC + ".encodeForXPath(input)", HTML),
            new Category("pathtraver", 22, List.of(
                    Part.of("readString", true, "result = java.nio.file.Files.readString(java.nio.file.Path.of(\"/data\", value));"),
                    Part.of("fileReader", true, "try (java.io.BufferedReader r = new java.io.BufferedReader(new java.io.FileReader(\"/data/\" + value))) {\n    result = r.readLine();\n}"),
                    Part.of("randomAccess", true, "try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(\"/data/\" + value, \"r\")) {\n    result = f.readLine();\n}"),
                    Part.of("uuidName", false, "java.io.File f = new java.io.File(\"/data/\" + java.util.UUID.randomUUID());\nresult = f.getPath() + value.length();"),
                    Part.of("fileNameOnly", false, "String safeName = java.nio.file.Path.of(value).getFileName().toString();\n"
                            + "result = java.nio.file.Files.readString(java.nio.file.Path.of(\"/data\").resolve(safeName));")),
                    "org.apache.commons.io.FilenameUtils.getName(input)", HTML),
            new Category("xss", 79, List.of(
                    Part.of("outputStream", true, "response.getOutputStream().print(value);"),
                    Part.of("append", true, "response.getWriter().append(\"<li>\").append(value);"),
                    Part.of("body", true, "result = \"<div>\" + value + \"</div>\";"),
                    Part.of("encodedBody", false, "result = \"<div>\" + org.owasp.encoder.Encode.forHtml(value) + \"</div>\";")),
                    "org.springframework.web.util.HtmlUtils.htmlEscape(input)", ENC + ".encodeForLDAP(input)"),
            new Category("trustbound", 501, List.of(
                    Part.of("requestSession", true, "request.getSession().setAttribute(\"last\", value);"),
                    Part.of("sessionKey", true, "session.setAttribute(value, Boolean.TRUE);"),
                    Part.of("lengthOnly", false, "session.setAttribute(\"count\", value.length());")),
                    "String.valueOf(Integer.parseInt(input))", HTML),
            new Category("ssrf", 918, List.of(
                    Part.of("exchange", true, "restTemplate.exchange(value, org.springframework.http.HttpMethod.GET, null, String.class);"),
                    Part.of("webClient", true, "org.springframework.web.reactive.function.client.WebClient.create(value).get().retrieve();"),
                    Part.of("hostConcat", true, "try (java.io.InputStream in = new java.net.URL(\"http://\" + value + \"/status\").openStream()) {\n    result = new String(in.readAllBytes());\n}"),
                    Part.of("uriVariable", false, "result = restTemplate.getForObject(\"https://api.example.com/users/{id}\", String.class, value);")),
                    "bench.holdout.Allowed.endpoint(input)", HTML),
            new Category("deser", 502, List.of(
                    Part.of("readUnshared", true, "try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(java.util.Base64.getDecoder().decode(value)))) {\n"
                            + "    result = String.valueOf(in.readUnshared());\n}"),
                    Part.of("commonsLang", true, "Object o = org.apache.commons.lang3.SerializationUtils.deserialize(value.getBytes());\nresult = String.valueOf(o);"),
                    Part.of("yaml", true, "Object o = new org.yaml.snakeyaml.Yaml().load(value);\nresult = String.valueOf(o);"),
                    Part.of("jacksonTyped", false, "bench.holdout.Payload p = new com.fasterxml.jackson.databind.ObjectMapper().readValue(value, bench.holdout.Payload.class);\nresult = p.getValue();")),
                    "String.valueOf(Integer.parseInt(input))", HTML));
}
