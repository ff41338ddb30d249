package dev.luna.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the CLI reads from and writes to: stdout, stderr, stdin, the environment and whether stdout is a terminal.
 * Tests pass their own (captured writers, an environment map, a fake TTY flag).
 */
record Terminal(PrintWriter out, PrintWriter err, BufferedReader in, Map<String, String> env, boolean tty) {

    static Terminal system() {
        var out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        var err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        // System.console() is non-null when stdin and stdout are both terminals (JDK 22+ returns one more often;
        // isTerminal() says whether it really is one)
        var console = System.console();
        boolean tty = console != null && isTerminal(console) && !"dumb".equals(System.getenv("TERM"));
        return new Terminal(out, err, in, System.getenv(), tty);
    }

    String env(String name) {
        var v = env.get(name);
        return v == null || v.isBlank() ? null : v;
    }

    /** $XDG_CONFIG_HOME/luna/config.json, else ~/.config/luna/config.json. */
    Path configFile() {
        var xdg = env("XDG_CONFIG_HOME");
        var base = xdg != null ? Path.of(xdg)
                : Path.of(env("HOME") != null ? env("HOME") : System.getProperty("user.home"), ".config");
        return base.resolve("luna").resolve("config.json");
    }

    private static boolean isTerminal(java.io.Console console) {
        try {
            return (boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException beforeJdk22) {
            return true;
        }
    }
}
