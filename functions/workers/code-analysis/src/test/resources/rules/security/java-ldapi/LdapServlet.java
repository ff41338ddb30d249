package fixtures.ldap;

import java.io.IOException;
import javax.naming.NamingException;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;
import javax.naming.directory.SearchControls;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

public class LdapServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String param = "none";
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (c.getName().equals("user")) {
                    param = java.net.URLDecoder.decode(c.getValue(), "UTF-8");
                    break;
                }
            }
        }
        try {
            DirContext ctx = new InitialDirContext();
            SearchControls sc = new SearchControls();
            String filter = "(&(objectclass=person)(uid=" + param + "))";
            ctx.search("ou=users,ou=system", filter, sc); // ruleid: java-ldapi
            ctx.search("ou=users,ou=system", "(uid=admin)", sc); // ok: java-ldapi
            String encoded = org.owasp.esapi.ESAPI.encoder().encodeForLDAP(param);
            ctx.search("ou=users", "(uid=" + encoded + ")", sc); // ok: java-ldapi
            String html = org.owasp.esapi.ESAPI.encoder().encodeForHTML(param);
            ctx.search("ou=users", "(uid=" + html + ")", sc); // ruleid: java-ldapi
        } catch (NamingException e) {
            throw new IOException(e);
        }
    }
}
