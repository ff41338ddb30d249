package dev.luna.codebase.architecture;

/**
 * The conventional layers of a service, outermost first. A dependency may point down (web → service → data → domain)
 * or to {@code CONFIG}/{@code OTHER}; one that points up is a violation. {@code CONFIG} wires everything and may
 * depend on any layer.
 */
public enum Layer {
    WEB("web", 0), SERVICE("service", 1), DATA("data", 2), DOMAIN("domain", 3), CONFIG("config", -1), OTHER("other", -1);

    private final String wire;
    private final int rank;

    Layer(String wire, int rank) {
        this.wire = wire;
        this.rank = rank;
    }

    public String wire() {
        return wire;
    }

    /** Whether a dependency from this layer to {@code to} points up the stack. */
    public boolean violates(Layer to) {
        return rank >= 0 && to.rank >= 0 && to.rank < rank;
    }

    public static Layer of(String wire) {
        for (var l : values()) if (l.wire.equals(wire)) return l;
        throw new IllegalArgumentException("unknown layer " + wire);
    }
}
