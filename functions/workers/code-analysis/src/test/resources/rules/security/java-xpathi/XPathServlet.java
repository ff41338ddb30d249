package fixtures.xpath;

import java.io.IOException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;

public class XPathServlet extends HttpServlet {
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        java.util.Map<String, String[]> map = request.getParameterMap();
        String param = "";
        if (map != null) {
            String[] values = map.get("name");
            if (values != null) param = values[0];
        }
        try {
            XPath xp = XPathFactory.newInstance().newXPath();
            String expression = "/Employees/Employee[@emplid='" + param + "']";
            xp.evaluate(expression, (Object) null); // ruleid: java-xpathi
            xp.compile(expression); // ruleid: java-xpathi
            xp.compile("/Employees/Employee[@emplid='4321']"); // ok: java-xpathi
            String bar = new Inner().doSomething(param);
            xp.evaluate("/a[@b='" + bar + "']", (Object) null); // ok: java-xpathi
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    private class Inner {
        String doSomething(String p) {
            String bar = "safe!";
            java.util.HashMap<String, Object> map = new java.util.HashMap<>();
            map.put("keyA-", "a_Value");
            map.put("keyB-", p);
            map.put("keyC", "another_Value");
            bar = (String) map.get("keyB-");
            bar = (String) map.get("keyA-");
            return bar;
        }
    }
}
