package demo;

/** Nothing to report here. */
public final class Clean {
    private final String name;

    public Clean(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }
}
