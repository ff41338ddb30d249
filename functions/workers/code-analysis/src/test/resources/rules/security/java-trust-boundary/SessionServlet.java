package fixtures.trust;

import java.io.IOException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

public class SessionServlet extends HttpServlet {
    private String lastUser;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String user = request.getParameter("user");
        request.getSession().setAttribute("user", user); // ruleid: java-trust-boundary
        request.getSession().putValue(user, "10340"); // ruleid: java-trust-boundary
        request.getSession().setAttribute("role", "guest"); // ok: java-trust-boundary
        this.lastUser = user;
        record(request);
        String bar = "safe";
        if (7 > 8) bar = user;
        request.getSession().setAttribute("bar", bar); // ok: java-trust-boundary
    }

    private void record(HttpServletRequest request) {
        request.getSession().setAttribute("last", lastUser); // ruleid: java-trust-boundary
    }
}
