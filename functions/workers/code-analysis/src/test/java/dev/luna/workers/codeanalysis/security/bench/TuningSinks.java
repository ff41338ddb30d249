package dev.luna.workers.codeanalysis.security.bench;

import java.util.List;

/** The tuning split's taint categories: sinks per CWE (one safe use each) and the right and wrong sanitizers. */
final class TuningSinks {
    private TuningSinks() {
    }

    private static final String HTML = "org.springframework.web.util.HtmlUtils.htmlEscape(param)";
    private static final String ESAPI = "org.owasp.esapi.ESAPI.encoder()";

    static final List<Category> CATEGORIES = List.of(
            new Category("sqli", 89, List.of(
                    Part.of("statement", true, """
                            java.sql.Statement st = bench.tuning.Db.connection().createStatement();
                            st.executeQuery("SELECT * FROM USERS WHERE USERNAME='" + bar + "'");"""),
                    Part.of("prepareConcat", true, """
                            java.sql.Connection connection = bench.tuning.Db.connection();
                            java.sql.PreparedStatement ps = connection.prepareStatement("SELECT * FROM USERS WHERE USERNAME='" + bar + "'");
                            ps.execute();"""),
                    Part.of("jdbcTemplate", true, """
                            org.springframework.jdbc.core.JdbcTemplate template = bench.tuning.Db.template();
                            template.queryForList("SELECT * FROM USERS WHERE USERNAME='" + bar + "'");"""),
                    Part.of("prepared", false, """
                            java.sql.PreparedStatement ps = bench.tuning.Db.connection().prepareStatement("SELECT * FROM USERS WHERE USERNAME=?");
                            ps.setString(1, bar);
                            ps.execute();"""),
                    Part.of("generatedKeys", true, """
                            java.sql.Statement statement = bench.tuning.Db.connection().createStatement();
                            statement.execute("INSERT INTO USERS VALUES ('" + bar + "')", java.sql.Statement.RETURN_GENERATED_KEYS);"""),
                    Part.of("prepareCall", true, "java.sql.CallableStatement cs = bench.tuning.Db.connection().prepareCall(\"{call verify('\" + bar + \"')}\");\ncs.execute();"),
                    Part.of("unresolvedTemplate", true, "bench.external.DatabaseHelper.JDBCtemplate.batchUpdate(\"DELETE FROM T WHERE A='\" + bar + \"'\");"),
                    Part.of("callParameters", false, "java.sql.CallableStatement cs = bench.tuning.Db.connection().prepareCall(\"{call verify(?)}\");\ncs.setString(1, bar);\ncs.execute();"),
                    Part.of("batch", true, """
                            java.sql.Statement st = bench.tuning.Db.connection().createStatement();
                            st.addBatch("INSERT INTO LOG VALUES ('" + bar + "')");
                            st.executeBatch();""")),
                    "String.valueOf(Integer.parseInt(param))", HTML),
            new Category("cmdi", 78, List.of(
                    Part.of("execString", true, "Runtime.getRuntime().exec(\"ping -c 1 \" + bar);"),
                    Part.of("execArray", true, "String[] args = {\"sh\", \"-c\", \"echo \" + bar};\nRuntime.getRuntime().exec(args);"),
                    Part.of("processBuilder", true, """
                            java.util.List<String> cmd = new java.util.ArrayList<>();
                            cmd.add("ls");
                            cmd.add(bar);
                            new ProcessBuilder(cmd).start();"""),
                    Part.of("constantCommand", false, "ProcessBuilder pb = new ProcessBuilder(\"ls\", \"-l\");\npb.start();\nresponse.getWriter().println(bar.length());"),
                    Part.of("execEnv", true, "String[] env = {\"VAR=\" + bar};\nRuntime r = Runtime.getRuntime();\nr.exec(new String[] {\"env\"}, env);")),
                    ESAPI + ".encodeForOS(new org.owasp.esapi.codecs.UnixCodec(), param)", HTML),
            new Category("ldapi", 90, List.of(
                    Part.of("filter", true, """
                            javax.naming.directory.DirContext ctx = new javax.naming.directory.InitialDirContext();
                            ctx.search("ou=users,ou=system", "(&(objectclass=person)(uid=" + bar + "))", new javax.naming.directory.SearchControls());"""),
                    Part.of("filterArgs", true, """
                            javax.naming.directory.InitialDirContext idc = new javax.naming.directory.InitialDirContext();
                            Object[] filters = {"a", "b"};
                            idc.search("name", "(uid=" + bar + ")", filters, new javax.naming.directory.SearchControls());"""),
                    Part.of("parameterised", false, """
                            javax.naming.directory.DirContext ctx = new javax.naming.directory.InitialDirContext();
                            ctx.search("ou=users", "(uid={0})", new Object[] {bar}, new javax.naming.directory.SearchControls());"""),
                    Part.of("helperContext", true, """
                            javax.naming.directory.DirContext ctx = new bench.tuning.LdapHelper().getDirContext();
                            ctx.search("ou=users,ou=system", "(&(objectclass=person)(uid=" + bar + "))", new javax.naming.directory.SearchControls());"""),
                    Part.of("name", true, """
                            javax.naming.directory.DirContext ctx = new javax.naming.directory.InitialDirContext();
                            ctx.search("uid=" + bar + ",ou=users", "(objectclass=person)", new javax.naming.directory.SearchControls());""")),
                    ESAPI + ".encodeForLDAP(param)", ESAPI + ".encodeForHTML(param)"),
            new Category("xpathi", 643, List.of(
                    Part.of("evaluate", true, """
                            javax.xml.xpath.XPath xp = javax.xml.xpath.XPathFactory.newInstance().newXPath();
                            xp.evaluate("/Employees/Employee[@emplid='" + bar + "']", new org.xml.sax.InputSource("employees.xml"));"""),
                    Part.of("compile", true, """
                            javax.xml.xpath.XPathFactory xpf = javax.xml.xpath.XPathFactory.newInstance();
                            javax.xml.xpath.XPath xp = xpf.newXPath();
                            xp.compile("//user[name='" + bar + "']").evaluate((Object) null);"""),
                    Part.of("variables", false, """
                            javax.xml.xpath.XPath xp = javax.xml.xpath.XPathFactory.newInstance().newXPath();
                            xp.setXPathVariableResolver(v -> bar);
                            xp.evaluate("//user[name=$name]", new org.xml.sax.InputSource("employees.xml"));""")),
                    ESAPI + ".encodeForXPath(param)", ESAPI + ".encodeForHTML(param)"),
            new Category("pathtraver", 22, List.of(
                    Part.of("file", true, "java.io.File f = new java.io.File(bench.tuning.Db.BASE_DIR, bar);\nif (f.exists()) response.getWriter().println(\"found\");"),
                    Part.of("inputStream", true, "try (java.io.FileInputStream in = new java.io.FileInputStream(bench.tuning.Db.BASE_DIR + bar)) {\n    in.read();\n}"),
                    Part.of("paths", true, "java.nio.file.Path p = java.nio.file.Paths.get(bench.tuning.Db.BASE_DIR, bar);\njava.nio.file.Files.readAllBytes(p);"),
                    Part.of("fixedFile", false, "java.io.File f = new java.io.File(bench.tuning.Db.BASE_DIR, \"report.txt\");\nresponse.getWriter().println(f.exists() + \" \" + bar.hashCode());"),
                    Part.of("outputStream", true, "new java.io.FileOutputStream(new java.io.File(bar)).close();"),
                    Part.of("uri", true, "java.net.URI uri = new java.net.URI(\"file:\" + bench.tuning.Db.BASE_DIR + bar);\njava.io.File f = new java.io.File(uri);\nresponse.getWriter().println(f.exists());")),
                    "org.apache.commons.io.FilenameUtils.getName(param)", ESAPI + ".encodeForHTML(param)"),
            new Category("xss", 79, List.of(
                    Part.of("println", true, "response.getWriter().println(\"<p>\" + bar + \"</p>\");"),
                    Part.of("formatArray", true, "Object[] obj = {\"a\", bar};\nresponse.getWriter().format(\"Formatted like: %1$s and %2$s.\", obj);"),
                    Part.of("writeChars", true, "response.getWriter().write(bar.toCharArray(), 0, bar.length());"),
                    Part.of("escaped", false, "response.setContentType(\"text/html\");\nresponse.getWriter().println(org.springframework.web.util.HtmlUtils.htmlEscape(bar));"),
                    Part.of("printfFormat", true, "java.io.PrintWriter out = response.getWriter();\nout.printf(java.util.Locale.US, bar, \"a\");")),
                    ESAPI + ".encodeForHTML(param)", "java.net.URLDecoder.decode(param, \"UTF-8\")"),
            new Category("trustbound", 501, List.of(
                    Part.of("setAttribute", true, "request.getSession().setAttribute(\"userid\", bar);"),
                    Part.of("putValue", true, "request.getSession().putValue(bar, \"10340\");"),
                    Part.of("constantValue", false, "request.getSession().setAttribute(\"userid\", \"guest\");\nresponse.getWriter().println(bar.isEmpty());"),
                    Part.of("sessionVariable", true, "javax.servlet.http.HttpSession session = request.getSession();\nsession.setAttribute(bar, bar);")),
                    "String.valueOf(Long.parseLong(param))", HTML),
            new Category("ssrf", 918, List.of(
                    Part.of("urlConnection", true, "java.net.URL u = new java.net.URL(bar);\nu.openConnection().connect();"),
                    Part.of("restTemplate", true, "new org.springframework.web.client.RestTemplate().getForObject(bar, String.class);"),
                    Part.of("httpClient", true, """
                            java.net.http.HttpRequest r = java.net.http.HttpRequest.newBuilder(java.net.URI.create(bar)).build();
                            java.net.http.HttpClient.newHttpClient().send(r, java.net.http.HttpResponse.BodyHandlers.ofString());"""),
                    Part.of("fixedHost", false, "new java.net.URL(\"https://api.example.com/search?q=\" + bar).openStream().close();")),
                    "bench.tuning.Db.HOSTS.getOrDefault(param, \"https://example.com/\")", HTML),
            new Category("deser", 502, List.of(
                    Part.of("objectStream", true, """
                            java.io.ObjectInputStream in = new java.io.ObjectInputStream(
                                    new java.io.ByteArrayInputStream(java.util.Base64.getDecoder().decode(bar)));
                            in.readObject();"""),
                    Part.of("xmlDecoder", true, "new java.beans.XMLDecoder(new java.io.ByteArrayInputStream(bar.getBytes())).readObject();"),
                    Part.of("localFile", false, """
                            java.io.ObjectInputStream in = new java.io.ObjectInputStream(new java.io.FileInputStream("/var/app/state.bin"));
                            in.readObject();
                            response.getWriter().println(bar.length());"""),
                    Part.of("xstream", true, "new com.thoughtworks.xstream.XStream().fromXML(bar);")),
                    "String.valueOf(Integer.parseInt(param))", HTML));
}
