package fixtures.cookie;

import java.io.IOException;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

public class Cookies extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String value = request.getParameter("v");
        Cookie plain = new Cookie("prefs", value);
        response.addCookie(plain); // ruleid: java-insecure-cookie

        Cookie off = new Cookie("prefs2", value);
        off.setSecure(false);
        response.addCookie(off); // ruleid: java-insecure-cookie

        Cookie on = new Cookie("prefs3", value);
        on.setSecure(true);
        response.addCookie(on); // ok: java-insecure-cookie

        Cookie dynamic = new Cookie("prefs4", value);
        dynamic.setSecure(request.isSecure());
        response.addCookie(dynamic); // ok: java-insecure-cookie

        Cookie helped = new Cookie("prefs5", value);
        harden(helped);
        response.addCookie(helped); // ok: java-insecure-cookie
    }

    private static void harden(Cookie c) {
        c.setSecure(true);
        c.setHttpOnly(true);
    }
}
