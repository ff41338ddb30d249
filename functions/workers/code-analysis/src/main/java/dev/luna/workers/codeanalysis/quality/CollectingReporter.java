package dev.luna.workers.codeanalysis.quality;

import java.util.concurrent.atomic.AtomicInteger;
import net.sourceforge.pmd.util.log.PmdReporter;
import org.slf4j.event.Level;

/** Takes PMD's own messages (warnings about the analysis itself) so nothing reaches stdout or stderr; counts them. */
final class CollectingReporter implements PmdReporter {
    private final AtomicInteger messages = new AtomicInteger();
    private final AtomicInteger errors = new AtomicInteger();

    @Override
    public boolean isLoggable(Level level) {
        return level.toInt() >= Level.WARN.toInt();
    }

    @Override
    public void logEx(Level level, String message, Object[] formatArgs, Throwable error) {
        messages.incrementAndGet();
        if (level == Level.ERROR) errors.incrementAndGet();
    }

    @Override
    public int numErrors() {
        return errors.get();
    }

    int count() {
        return messages.get();
    }
}
