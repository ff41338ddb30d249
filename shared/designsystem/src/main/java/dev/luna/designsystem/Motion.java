package dev.luna.designsystem;

/** Motion tokens: each animation has a reduced-motion alternative, used when the user asks for less motion. */
public final class Motion {
    private Motion() {
    }

    /**
     * A timed animation.
     *
     * @param name          e.g. {@code standard}
     * @param millis        its duration
     * @param reducedMillis its duration under Reduce Motion (0: no animation, else a cross-fade)
     * @param description   what it is for
     */
    public record Duration(String name, int millis, int reducedMillis, String description) {
    }

    /**
     * A spring, in SwiftUI's terms ({@code .spring(response:dampingFraction:)}).
     *
     * @param name                  e.g. {@code smooth}
     * @param response              seconds
     * @param dampingFraction       1 = no overshoot
     * @param reducedCrossfadeMillis the cross-fade used instead under Reduce Motion
     * @param description           what it is for
     */
    public record Spring(String name, double response, double dampingFraction, int reducedCrossfadeMillis,
                         String description) {
    }
}
