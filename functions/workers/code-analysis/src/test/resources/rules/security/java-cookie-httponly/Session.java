package fixtures.httponly;

import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletResponse;

public class Session {
    void login(HttpServletResponse response, String sessionId) {
        Cookie c = new Cookie("SESSIONID", sessionId);
        c.setSecure(true);
        response.addCookie(c); // ruleid: java-cookie-httponly

        Cookie h = new Cookie("auth_token", sessionId);
        h.setSecure(true);
        h.setHttpOnly(true);
        response.addCookie(h); // ok: java-cookie-httponly

        Cookie theme = new Cookie("theme", "dark");
        theme.setSecure(true);
        response.addCookie(theme); // ok: java-cookie-httponly
    }
}
