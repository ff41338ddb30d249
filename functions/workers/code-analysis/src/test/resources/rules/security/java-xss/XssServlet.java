package fixtures.xss;

import java.io.IOException;
import java.io.PrintWriter;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

public class XssServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getParameter("name");
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().println("Hello " + name); // ruleid: java-xss
        PrintWriter out = response.getWriter();
        out.print(org.springframework.web.util.HtmlUtils.htmlEscape(name)); // ok: java-xss
        out.print(org.owasp.encoder.Encode.forHtml(name)); // ok: java-xss
        Object[] obj = {"a", name};
        out.format("Formatted like: %1$s and %2$s.", obj); // ruleid: java-xss
        out.write(name.toCharArray(), 0, name.length()); // ruleid: java-xss
        out.printf(java.util.Locale.US, "%s", "constant"); // ok: java-xss
        String encoded = org.owasp.esapi.ESAPI.encoder().encodeForSQL(null, name);
        out.println(encoded); // ruleid: java-xss
        try (PrintWriter file = new PrintWriter("/tmp/log.txt")) {
            file.println(name); // ok: java-xss
        }
    }
}
