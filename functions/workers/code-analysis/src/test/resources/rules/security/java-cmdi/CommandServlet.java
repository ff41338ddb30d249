package fixtures.cmdi;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

public class CommandServlet extends HttpServlet {
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String param = "";
        java.util.Enumeration<String> headers = request.getHeaders("X-Host");
        if (headers != null && headers.hasMoreElements()) {
            param = headers.nextElement();
        }
        Runtime r = Runtime.getRuntime();
        r.exec("ping -c 1 " + param); // ruleid: java-cmdi
        // ruleid: java-cmdi
        Runtime.getRuntime().exec(new String[] {"sh", "-c", "ls " + param});

        String[] env = {"FOO=" + param};
        r.exec(new String[] {"ls"}, env); // ruleid: java-cmdi

        List<String> cmd = new ArrayList<>();
        cmd.add("ls");
        cmd.add(param);
        new ProcessBuilder(cmd).start(); // ruleid: java-cmdi

        ProcessBuilder pb = new ProcessBuilder();
        pb.command("ls", "-l"); // ok: java-cmdi
        pb.command("ls", new Thing().process(param)); // ruleid: java-cmdi

        String safe = org.owasp.esapi.ESAPI.encoder().encodeForOS(null, param);
        r.exec("ls " + safe); // ok: java-cmdi

        String bar;
        String guess = "ABC";
        char target = guess.charAt(1);
        switch (target) {
            case 'A':
                bar = param;
                break;
            case 'B':
                bar = "bob";
                break;
            default:
                bar = param;
                break;
        }
        r.exec("echo " + bar); // ok: java-cmdi
    }
}
