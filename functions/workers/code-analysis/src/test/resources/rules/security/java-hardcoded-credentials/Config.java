package fixtures.creds;

import java.net.PasswordAuthentication;
import java.sql.DriverManager;

public class Config {
    private static final String DB_PASSWORD = "s3cr3tP4ss"; // ruleid: java-hardcoded-credentials
    private static final String PASSWORD_KEY = "db.password"; // ok: java-hardcoded-credentials
    private static final String passwordField = "pwdInput"; // ok: java-hardcoded-credentials
    private String clientSecret = "abcd1234efgh"; // ruleid: java-hardcoded-credentials
    private String password = ""; // ok: java-hardcoded-credentials
    private String apiKey = "${API_KEY}"; // ok: java-hardcoded-credentials

    void connect(String user, String given) throws Exception {
        DriverManager.getConnection("jdbc:mysql://db/app", "app", "hunter2!"); // ruleid: java-hardcoded-credentials
        DriverManager.getConnection("jdbc:mysql://db/app", user, System.getenv("DB_PASS")); // ok: java-hardcoded-credentials
        new PasswordAuthentication("admin", "letmein1".toCharArray()); // ruleid: java-hardcoded-credentials
        if (given.equals("Sup3rUser!")) { // ok: java-hardcoded-credentials
            return;
        }
        String password = given;
        if (password.equals("master-key-42")) { // ruleid: java-hardcoded-credentials
            return;
        }
        String message = "Password must be at least 8 characters"; // ok: java-hardcoded-credentials
    }
}
