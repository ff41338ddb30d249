package dev.luna.local;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.function.IntConsumer;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;

/**
 * The outbound side of one WebSocket connection: a bounded queue of text frames that publishers fill without ever
 * touching the socket, and one writer at a time that takes everything queued, hands it to Jetty as one batch and
 * flushes it with a single non-blocking gather write. While a write is in flight new frames wait here, so a busy
 * connection writes many frames per system call and a slow one costs its queue, not the publisher's time. A client
 * that lets {@link #MAX_QUEUED} frames pile up (it does not read) is closed with {@link LiveSocket.CloseCodes#TOO_SLOW}
 * (1013) and resumes with {@code since}; a failed write closes it the same way.
 */
final class Outbox {
    /** Frames waiting for one connection at most; beyond, the connection is closed as too slow. */
    static final int MAX_QUEUED = 4_096;

    private final CoreSession session;
    private final Executor writer;
    private final IntConsumer closeAs;
    private final ArrayDeque<ByteBuffer> queue = new ArrayDeque<>(4);
    private boolean writing;
    private boolean closed;
    /** Runs once everything queued is written (a normal close after a last frame); null when none is asked. */
    private Runnable then;

    /**
     * @param session the connection's core session (frames are sent there, batched, then flushed)
     * @param writer  runs the writes (never the publisher's thread)
     * @param closeAs closes the connection with a status code (called once, outside this outbox's lock)
     */
    Outbox(CoreSession session, Executor writer, IntConsumer closeAs) {
        this.session = session;
        this.writer = writer;
        this.closeAs = closeAs;
    }

    /** Queues a text frame; never blocks and never writes on the caller's thread. */
    void offer(String text) {
        offer(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Queues a text frame's UTF-8 payload (owned by the outbox from now on). */
    void offer(ByteBuffer payload) {
        boolean start;
        boolean tooSlow = false;
        synchronized (this) {
            if (closed || then != null) return;
            if (queue.size() >= MAX_QUEUED) {
                closed = true;
                queue.clear();
                tooSlow = true;
                start = false;
            } else {
                queue.addLast(payload);
                start = !writing;
                if (start) writing = true;
            }
        }
        if (tooSlow) closeAs.accept(LiveSocket.CloseCodes.TOO_SLOW);
        else if (start) writer.execute(this::writeQueued);
    }

    /** Frames waiting (for tests and metrics). */
    synchronized int queued() {
        return queue.size();
    }

    /** Accepts no more frames and runs {@code last} (on a writer thread) once everything queued is written. */
    void finish(Runnable last) {
        boolean start;
        synchronized (this) {
            if (closed || then != null) return;
            then = last;
            start = !writing;
            if (start) writing = true;
        }
        if (start) writer.execute(this::writeQueued);
    }

    /** Stops queuing (the connection is closing); what is queued is dropped. */
    synchronized void close() {
        closed = true;
        queue.clear();
    }

    private void writeQueued() {
        ByteBuffer[] batch;
        Runnable last = null;
        synchronized (this) {
            if (closed || queue.isEmpty()) {
                writing = false;
                if (!closed && then != null) {
                    last = then;
                    closed = true;
                }
                batch = null;
            } else {
                batch = queue.toArray(ByteBuffer[]::new);
                queue.clear();
            }
        }
        if (batch == null) {
            if (last != null) last.run();
            return;
        }
        for (var payload : batch) session.sendFrame(new Frame(OpCode.TEXT, true, payload), org.eclipse.jetty.util.Callback.NOOP, true);
        session.flush(org.eclipse.jetty.util.Callback.from(this::afterWrite, failure -> {
            synchronized (this) {
                if (closed) return;
                closed = true;
                queue.clear();
            }
            // Jetty's own bound was reached (a client that stopped reading) or the connection broke
            closeAs.accept(LiveSocket.CloseCodes.TOO_SLOW);
        }));
    }

    /** A batch is out: write what queued meanwhile on a writer thread (never recursively on Jetty's completing thread). */
    private void afterWrite() {
        synchronized (this) {
            if (closed || (queue.isEmpty() && then == null)) {
                writing = false;
                return;
            }
        }
        writer.execute(this::writeQueued);
    }
}
