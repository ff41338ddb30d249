package dev.luna.local;

import dev.luna.realtime.LiveEvent;
import dev.luna.realtime.LiveEvents;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * One open {@code text/event-stream} answer: live events become SSE events ({@code id} = the project sequence, for
 * {@code Last-Event-ID}; {@code event} = the kind; {@code data} = the event JSON). Events arrive on publishers'
 * threads and are queued, then written in order by the writer executor (never on the publisher's thread), one
 * non-blocking write at a time, everything queued in one write; a client that
 * falls {@link #MAX_QUEUED_CHUNKS} behind is cut off (it reconnects with its Last-Event-ID and loses nothing).
 */
final class SseStream implements LiveEvents.LiveListener {
    /** Queued, unwritten events at most before the stream is ended. */
    static final int MAX_QUEUED_CHUNKS = 10_000;

    private final Response response;
    private final Callback done;
    private final Consumer<SseStream> onEnd;
    private final java.util.concurrent.Executor writer;
    private final StringBuilder queued = new StringBuilder();
    private int queuedChunks;
    private boolean writing;
    private boolean ending;
    private boolean ended;
    private volatile LiveEvents.Subscription subscription;

    SseStream(Response response, Callback done, Consumer<SseStream> onEnd, java.util.concurrent.Executor writer) {
        this.response = response;
        this.done = done;
        this.onEnd = onEnd;
        this.writer = writer;
    }

    void subscription(LiveEvents.Subscription subscription) {
        this.subscription = subscription;
        boolean end;
        synchronized (this) {
            end = ended;
        }
        if (end) subscription.close();
    }

    @Override
    public void onEvent(LiveEvent event) {
        send("id: " + event.sequence() + "\nevent: " + event.kind().wire() + "\ndata: " + event.toJson() + "\n\n");
    }

    /** Queues a raw chunk of the stream (an event, a comment, a retry hint). */
    void send(String chunk) {
        synchronized (this) {
            if (ending || ended) return;
            if (queuedChunks >= MAX_QUEUED_CHUNKS) {
                ending = true; // too slow: end once what is queued is out; the client resumes from its Last-Event-ID
            } else {
                queued.append(chunk);
                queuedChunks++;
            }
            if (writing) return;
            writing = true;
        }
        writer.execute(this::writeQueued);
    }

    /** Ends the stream once everything queued is written. */
    void end() {
        synchronized (this) {
            if (ending || ended) return;
            ending = true;
            if (writing) return;
            writing = true;
        }
        writer.execute(this::writeQueued);
    }

    private void writeQueued() {
        String text;
        boolean last;
        synchronized (this) {
            if (ended) return;
            if (queued.isEmpty() && !ending) {
                writing = false;
                return;
            }
            text = queued.toString();
            queued.setLength(0);
            queuedChunks = 0;
            last = ending;
        }
        response.write(last, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), Callback.from(() -> {
            if (last) finish(null);
            else writer.execute(this::writeQueued);
        }, this::finish));
    }

    private void finish(Throwable failure) {
        synchronized (this) {
            if (ended) return;
            ended = true;
            ending = true;
        }
        var sub = subscription;
        if (sub != null) sub.close();
        onEnd.accept(this);
        if (failure == null) done.succeeded();
        else done.failed(failure);
    }
}
