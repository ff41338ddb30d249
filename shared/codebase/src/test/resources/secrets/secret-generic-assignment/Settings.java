package demo;

class Settings {
    // ruleid: secret-generic-assignment
    private static final String DB_PASSWORD = "rD9eAKh1ydZu7WhfeG";
    // ruleid: secret-generic-assignment
    String clientSecret = "LWjetVJPSUGPcAy7xuA34jkCAZg9lMhq";
    // ok: secret-generic-assignment
    static final String PASSWORD_PROPERTY = "spring.datasource.password";
    // ok: secret-generic-assignment
    static final String TOKEN_HEADER = "X-Auth-Token";
    // ok: secret-generic-assignment
    String password = System.getenv("DB_PASSWORD");
    // ok: secret-generic-assignment
    String apiKey = "${API_KEY}";
    // ok: secret-generic-assignment
    String secret = "changeme-please";
    // ok: secret-generic-assignment
    String tokenizer = "IqGHDh40bvtiMv9TnZOd";
    // ok: secret-generic-assignment
    String passwordField = "passwordInput";
}
