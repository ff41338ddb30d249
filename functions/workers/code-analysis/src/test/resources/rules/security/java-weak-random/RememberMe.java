package fixtures.random;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Random;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

public class RememberMe extends HttpServlet {
    private final Random random = new Random();
    private final Random secure = new SecureRandom();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        float rand = new Random().nextFloat();
        String rememberMeKey = Float.toString(rand).substring(2); // ruleid: java-weak-random
        Cookie cookie = new Cookie("rememberMe", rememberMeKey); // ruleid: java-weak-random
        cookie.setSecure(true);
        response.addCookie(cookie);

        long good = new SecureRandom().nextLong();
        response.addCookie(new Cookie("id", Long.toString(good))); // ok: java-weak-random

        double d = Math.random();
        request.getSession().setAttribute("otp", String.valueOf(d)); // ruleid: java-weak-random
        String token = Integer.toHexString(random.nextInt()); // ruleid: java-weak-random
        String nonce = Integer.toHexString(secure.nextInt()); // ok: java-weak-random
        int dice = random.nextInt(6); // ok: java-weak-random
        response.getWriter().println("You rolled " + dice + token + nonce);
    }

    String generatePassword() {
        return Long.toString(new Random().nextLong(), 36); // ruleid: java-weak-random
    }
}
