package dev.luna.workers.codeanalysis.security.bench;

import java.util.List;

/**
 * The tuning split's taint parts, modelled on the shapes of servlet test suites (NIST Juliet, vulnerable-by-design
 * apps): request sources, flows (collections with constant keys, constant-condition branches, switches on constant
 * characters, helpers in other classes, inner classes, interfaces, sanitizers right and wrong), and sinks per CWE.
 * Each source defines {@code param}; each flow reads it and defines {@code bar}; each sink uses {@code bar}.
 */
final class TuningTaint {
    private TuningTaint() {
    }

    static final List<Part> SOURCES = List.of(
            Part.of("parameter", true, "String param = request.getParameter(\"vector\");\nif (param == null) param = \"\";"),
            Part.of("header", true, "String param = request.getHeader(\"X-Vector\");\nif (param == null) param = \"\";"),
            Part.of("headers", true, """
                    String param = "";
                    java.util.Enumeration<String> headers = request.getHeaders("X-Vector");
                    if (headers != null && headers.hasMoreElements()) {
                        param = headers.nextElement();
                    }"""),
            Part.of("cookies", true, """
                    String param = "noCookieValueSupplied";
                    javax.servlet.http.Cookie[] theCookies = request.getCookies();
                    if (theCookies != null) {
                        for (javax.servlet.http.Cookie theCookie : theCookies) {
                            if (theCookie.getName().equals("vector")) {
                                param = java.net.URLDecoder.decode(theCookie.getValue(), "UTF-8");
                                break;
                            }
                        }
                    }"""),
            Part.of("parameterMap", true, """
                    String param = "";
                    java.util.Map<String, String[]> map = request.getParameterMap();
                    if (map != null) {
                        String[] values = map.get("vector");
                        if (values != null) param = values[0];
                    }"""),
            Part.of("parameterNames", true, """
                    String param = "";
                    boolean flag = true;
                    java.util.Enumeration<String> names = request.getParameterNames();
                    while (names.hasMoreElements() && flag) {
                        String name = names.nextElement();
                        String[] values = request.getParameterValues(name);
                        if (values != null) {
                            for (int i = 0; i < values.length && flag; i++) {
                                if (values[i].equals("vector")) {
                                    param = name;
                                    flag = false;
                                }
                            }
                        }
                    }"""),
            Part.of("queryString", true, """
                    String queryString = request.getQueryString();
                    String paramval = "vector=";
                    int paramLoc = -1;
                    if (queryString != null) paramLoc = queryString.indexOf(paramval);
                    if (paramLoc == -1) {
                        response.getWriter().println("missing");
                        return;
                    }
                    String param = queryString.substring(paramLoc + paramval.length());
                    int ampersandLoc = queryString.indexOf("&", paramLoc);
                    if (ampersandLoc != -1) param = queryString.substring(paramLoc + paramval.length(), ampersandLoc);
                    param = java.net.URLDecoder.decode(param, "UTF-8");"""),
            Part.of("wrapperClass", true, """
                    bench.tuning.RequestWrapper wrapper = new bench.tuning.RequestWrapper(request);
                    String param = wrapper.getTheParameter("vector");
                    if (param == null) param = "";"""),
            Part.of("parameterValues", true, """
                    String[] values = request.getParameterValues("vector");
                    String param;
                    if (values != null && values.length > 0) param = values[0];
                    else param = "";"""));

    /** Flows; {@code RIGHT} and {@code WRONG} stand for the category's sanitizers. */
    static final List<Part> FLOWS = List.of(
            Part.of("direct", true, "String bar = param;"),
            Part.of("builder", true, "StringBuilder sbxyz = new StringBuilder(param);\nString bar = sbxyz.append(\"_SafeStuff\").toString();"),
            Part.of("mapKeyB", true, """
                    String bar = "safe!";
                    java.util.HashMap<String, Object> map = new java.util.HashMap<>();
                    map.put("keyA-", "a_Value");
                    map.put("keyB-", param);
                    map.put("keyC", "another_Value");
                    bar = (String) map.get("keyB-");"""),
            Part.of("mapKeyA", false, """
                    String bar = "safe!";
                    java.util.HashMap<String, Object> map = new java.util.HashMap<>();
                    map.put("keyA-", "a_Value");
                    map.put("keyB-", param);
                    bar = (String) map.get("keyB-");
                    bar = (String) map.get("keyA-");"""),
            Part.of("listFirst", true, """
                    java.util.List<String> valuesList = new java.util.ArrayList<>();
                    valuesList.add("safe");
                    valuesList.add(param);
                    valuesList.add("moresafe");
                    valuesList.remove(0);
                    String bar = valuesList.get(0);"""),
            Part.of("listSecond", false, """
                    java.util.List<String> valuesList = new java.util.ArrayList<>();
                    valuesList.add("safe");
                    valuesList.add(param);
                    valuesList.add("moresafe");
                    valuesList.remove(0);
                    String bar = valuesList.get(1);"""),
            Part.of("ternarySafe", false, "int num = 106;\nString bar = (7 * 18) + num > 200 ? \"This_should_always_happen\" : param;"),
            Part.of("ifTainted", true, """
                    String bar;
                    int num = 196;
                    if ((500 / 42) + num > 200) bar = param;
                    else bar = "This should never happen";"""),
            Part.of("switchSafe", false, """
                    String bar;
                    String guess = "ABC";
                    char switchTarget = guess.charAt(1);
                    switch (switchTarget) {
                        case 'A':
                            bar = param;
                            break;
                        case 'B':
                            bar = "bobs_your_uncle";
                            break;
                        case 'C':
                        case 'D':
                            bar = param;
                            break;
                        default:
                            bar = "bobs_your_uncle";
                            break;
                    }"""),
            Part.of("switchTainted", true, """
                    String bar;
                    String guess = "ABC";
                    char switchTarget = guess.charAt(2);
                    switch (switchTarget) {
                        case 'A':
                            bar = param;
                            break;
                        case 'B':
                            bar = "bobs_your_uncle";
                            break;
                        case 'C':
                        case 'D':
                            bar = param;
                            break;
                        default:
                            bar = "bobs_your_uncle";
                            break;
                    }"""),
            Part.of("helperPass", true, "String bar = bench.tuning.Helpers.decorate(param);"),
            Part.of("helperConstant", false, "String bar = bench.tuning.Helpers.fixed(param);"),
            Part.of("innerClass", true, "String bar = new Test().doSomething(request, param);", """
                        private class Test {
                            public String doSomething(javax.servlet.http.HttpServletRequest request, String param) throws java.io.IOException {
                                String bar = "";
                                if (param != null) {
                                    bar = new String(java.util.Base64.getDecoder().decode(java.util.Base64.getEncoder().encode(param.getBytes())));
                                }
                                return bar;
                            }
                        }
                    """),
            Part.of("base64", true, """
                    String bar = "";
                    if (param != null) {
                        bar = new String(org.apache.commons.codec.binary.Base64.decodeBase64(
                                org.apache.commons.codec.binary.Base64.encodeBase64(param.getBytes())));
                    }"""),
            Part.of("overwritten", false, "String bar = param;\nbar = \"constant\";"),
            Part.of("interface", true, """
                    bench.tuning.ThingInterface thing = bench.tuning.ThingFactory.createThing();
                    String bar = thing.doSomething(param);"""),
            Part.of("rightSanitizer", false, "String bar = RIGHT;"),
            Part.of("wrongSanitizer", true, "String bar = WRONG;"),
            Part.of("ternaryTainted", true, "int num = 106;\nString bar = (7 * 42) - num > 200 ? \"This should never happen\" : param;"),
            Part.of("ifSafe", false, """
                    String bar;
                    int num = 86;
                    if ((7 * 42) - num > 200) bar = "This_should_always_happen";
                    else bar = param;"""));
}
