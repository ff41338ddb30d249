package dev.luna.codebase.manifest;

/** TOML errors as problem text. */
final class Toml {
    private Toml() {
    }

    static String problem(RuntimeException e) {
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = msg.indexOf('\n');
        msg = nl < 0 ? msg : msg.substring(0, nl);
        return "invalid TOML: " + (msg.length() > 160 ? msg.substring(0, 160) + "…" : msg);
    }
}
