package dev.luna.rag;

import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The protobuf {@link Struct}s Pinecone's metadata and filters are made of, the metadata keys {@link PineconeStore}
 * uses, and the generation filters: a record is live in generation g when {@code from <= g < until}.
 */
final class PineconeStructs {
    static final String KIND = "kind", CHUNK = "chunk", PART = "part", FILE = "file", STATE = "state", TERM = "term", FROM = "from",
            UNTIL = "until";
    /** The {@code until} of a record no generation has superseded yet. */
    static final double OPEN = 9.0e15;

    private PineconeStructs() {
    }

    /** Records visible in generation g. */
    static Struct live(long g) {
        return and(obj(FROM, obj("$lte", num(g))), obj(UNTIL, obj("$gt", num(g))));
    }

    /** Records committed at or before generation g and still open (the ones a write of g+1 may supersede). */
    static Struct committed(long g) {
        return and(obj(FROM, obj("$lte", num(g))), obj(UNTIL, obj("$gte", num(OPEN))));
    }

    static Struct and(Struct... parts) {
        var list = ListValue.newBuilder();
        for (Struct p : parts) list.addValues(Value.newBuilder().setStructValue(p));
        return Struct.newBuilder().putFields("$and", Value.newBuilder().setListValue(list).build()).build();
    }

    static Struct obj(String key, Value value) {
        return Struct.newBuilder().putFields(key, value).build();
    }

    static Struct obj(String key, Struct value) {
        return obj(key, Value.newBuilder().setStructValue(value).build());
    }

    static Value str(String s) {
        return Value.newBuilder().setStringValue(s).build();
    }

    static Value num(double d) {
        return Value.newBuilder().setNumberValue(d).build();
    }

    static Value strings(List<String> values) {
        var list = ListValue.newBuilder();
        for (String v : values) list.addValues(str(v));
        return Value.newBuilder().setListValue(list).build();
    }

    static double num(Map<String, Value> m, String key) {
        Value v = m.get(key);
        return v == null ? 0 : v.getNumberValue();
    }

    static String text(Map<String, Value> m, String key) {
        Value v = m.get(key);
        return v == null ? "" : v.getStringValue();
    }

    static List<Float> floats(float[] v) {
        var out = new ArrayList<Float>(v.length);
        for (float f : v) out.add(f);
        return out;
    }
}
