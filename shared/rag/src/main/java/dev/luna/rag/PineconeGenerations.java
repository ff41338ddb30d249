package dev.luna.rag;

import static dev.luna.rag.PineconeStructs.FROM;
import static dev.luna.rag.PineconeStructs.KIND;
import static dev.luna.rag.PineconeStructs.OPEN;
import static dev.luna.rag.PineconeStructs.STATE;
import static dev.luna.rag.PineconeStructs.UNTIL;
import static dev.luna.rag.PineconeStructs.num;
import static dev.luna.rag.PineconeStructs.obj;
import static dev.luna.rag.PineconeStructs.str;

import com.google.protobuf.Struct;
import io.grpc.Status;
import io.pinecone.proto.Vector;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * The generation scheme that makes {@link PineconeStore}'s writes atomic (see there): the state record
 * ({@value #STATE_ID}) with the committed generation, the chunk count and the average chunk length; one write of
 * generation G+1 at a time per namespace (in this JVM); superseding replaced records; undoing what a failed write
 * left behind; collecting what no reader needs any more.
 */
final class PineconeGenerations {
    static final String STATE_ID = "__luna_state";
    static final double DEFAULT_AVGDL = 100;

    /** A namespace's committed generation, its number of chunks and their average length in terms. */
    record State(long committed, long chunks, double avgdl) {
        static final State EMPTY = new State(0, 0, DEFAULT_AVGDL);
    }

    private final PineconeData data;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    PineconeGenerations(PineconeData data) {
        this.data = data;
    }

    State state(String ns) {
        Vector v = data.fetch(ns, List.of(STATE_ID)).get(STATE_ID);
        if (v == null) return State.EMPTY;
        var m = v.getMetadata().getFieldsMap();
        return new State((long) num(m, "committed"), (long) num(m, "chunks"), m.containsKey("avgdl") ? num(m, "avgdl") : DEFAULT_AVGDL);
    }

    /** Flips the namespace to {@code s}: one single-vector upsert, the only step readers can observe. */
    void commit(String ns, State s) {
        var meta = Struct.newBuilder().putFields(KIND, str(STATE)).putFields("committed", num(s.committed())).putFields("chunks", num(s.chunks()))
                .putFields("avgdl", num(s.avgdl())).build();
        data.upsert(ns, List.of(Vector.newBuilder().setId(STATE_ID).addAllValues(data.unit()).setMetadata(meta).build()));
    }

    /** Undoes what a failed or interrupted write of a generation after {@code s} left behind. */
    void recover(String ns, State s) {
        long g = s.committed();
        try {
            data.deleteWhere(ns, obj(FROM, obj("$gt", num(g))));
            data.update(ns, obj(UNTIL, Struct.newBuilder().putFields("$gt", num(g)).putFields("$lt", num(OPEN)).build()),
                    Struct.newBuilder().putFields(UNTIL, num(OPEN)).build());
        } catch (PineconeStore.PineconeFailure e) {
            if (e.code() != Status.Code.NOT_FOUND) throw e; // a namespace that does not exist yet holds nothing to undo
        }
    }

    /** Marks the records the filter matches as superseded by generation {@code g}; answers how many. */
    int supersede(String ns, Struct filter, long g) {
        return data.update(ns, filter, Struct.newBuilder().putFields(UNTIL, num(g)).build());
    }

    Object lock(String ns) {
        return locks.computeIfAbsent(ns, n -> new Object());
    }

    /**
     * One write, of generation {@code s.committed() + 1}: {@code body} writes and commits it and answers the changes
     * of the term counts; should it fail, what it wrote is cleaned up before the failure is thrown. Then
     * {@code afterCommit} gets the term count changes and the generation it replaced is collected.
     */
    void write(String ns, State s, LongFunction<Map<Integer, Integer>> body, Consumer<Map<Integer, Integer>> afterCommit) {
        long g = s.committed() + 1;
        Map<Integer, Integer> terms;
        try {
            terms = body.apply(g);
        } catch (RuntimeException e) {
            try {
                recover(ns, s);
            } catch (RuntimeException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
        afterCommit.accept(terms);
        collect(ns, g);
    }

    /** Deletes records superseded before generation {@code g} (readers of g still see theirs). Best effort. */
    private void collect(String ns, long g) {
        try {
            data.deleteWhere(ns, obj(UNTIL, obj("$lt", num(g))));
        } catch (PineconeStore.PineconeFailure e) {
            // left for the next write
        }
    }
}
