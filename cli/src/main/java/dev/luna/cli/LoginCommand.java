package dev.luna.cli;

import java.io.IOException;
import picocli.CommandLine.Command;

/** luna login: asks for (or takes --url/--key) the API URL and key, checks them with a call, stores them (0600). */
@Command(name = "login", description = "Store the API URL and key after checking them (--url/--key, or asked for)")
final class LoginCommand extends Group {

    @Override
    public Integer call() {
        var root = root();
        var url = root.url != null ? root.url : ask("Luna API URL [http://localhost:8080]: ", "http://localhost:8080");
        var key = root.key != null ? root.key : askSecret("API key: ");
        if (key == null || key.isBlank()) throw CliException.usage("an API key is needed");
        // exchanging the key for a token proves it is valid whatever its scopes
        new Api(url, null).post("/api/v1/auth/token", Json.object().put("grant_type", "api_key").put("api_key", key));
        var file = terminal().configFile();
        new Config(url, key).write(file);
        output().message("Logged in to " + url + "; saved to " + file);
        return ExitCode.OK;
    }

    private String ask(String prompt, String fallback) {
        var err = terminal().err();
        err.print(prompt);
        err.flush();
        try {
            var line = terminal().in().readLine();
            return line == null || line.isBlank() ? fallback : line.strip();
        } catch (IOException e) {
            throw CliException.usage("cannot read the answer: " + e.getMessage());
        }
    }

    private String askSecret(String prompt) {
        var console = System.console();
        if (terminal().tty() && console != null) {
            var secret = console.readPassword(prompt);
            return secret == null ? null : new String(secret).strip();
        }
        return ask(prompt, null);
    }
}
