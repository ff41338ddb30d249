package fixtures.sqli;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class UserController {
    private final JdbcTemplate jdbc;

    public UserController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/users")
    public Object users(@RequestParam("name") String name) {
        // ruleid: java-sqli
        jdbc.queryForList("SELECT * FROM users WHERE name = '" + name + "'");
        return jdbc.queryForList("SELECT * FROM users WHERE name = ?", name); // ok: java-sqli
    }

    public Object internal(String name) {
        return jdbc.queryForList("SELECT * FROM users WHERE name = '" + name + "'"); // ok: java-sqli
    }
}
