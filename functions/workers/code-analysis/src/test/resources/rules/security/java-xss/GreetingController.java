package fixtures.xss;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class GreetingController {
    @GetMapping("/greet")
    public String greet(@RequestParam String name) {
        return "<h1>Hello " + name + "</h1>"; // ruleid: java-xss
    }

    @GetMapping("/greet-safe")
    public String greetSafe(@RequestParam String name) {
        return "<h1>Hello " + org.springframework.web.util.HtmlUtils.htmlEscape(name) + "</h1>"; // ok: java-xss
    }

    @GetMapping("/count")
    public String count(@RequestParam int n) {
        return "<p>" + n + "</p>"; // ok: java-xss
    }
}
