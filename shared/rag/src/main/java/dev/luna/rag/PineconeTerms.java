package dev.luna.rag;

import static dev.luna.rag.PineconeStructs.CHUNK;
import static dev.luna.rag.PineconeStructs.KIND;
import static dev.luna.rag.PineconeStructs.TERM;
import static dev.luna.rag.PineconeStructs.num;
import static dev.luna.rag.PineconeStructs.str;
import static dev.luna.rag.PineconeStructs.text;

import com.google.protobuf.Struct;
import io.pinecone.proto.SparseValues;
import io.pinecone.proto.Vector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

/**
 * The keyword side of {@link PineconeStore}: sparse BM25 vectors of {@link IdentifierAnalyzer} terms hashed to
 * 32-bit indices. Documents weigh BM25's saturated term frequencies (k1 1.2, b 0.75; symbol, name, signature and path
 * terms weighted by {@link KeywordFields.Weights}, as {@link LuceneStore} boosts its fields); queries weigh each term's IDF, from document frequencies kept in one {@code kind=term}
 * record per term index ({@code t#<index>}, {@code df}) and adjusted after every write.
 */
final class PineconeTerms {
    static final int MAX_SPARSE = 1000;
    static final int IN_BATCH = 1000;
    static final double K1 = 1.2, B = 0.75;

    private final PineconeData data;
    private final IdentifierAnalyzer analyzer = new IdentifierAnalyzer(true);
    private final KeywordFields.Weights fieldWeights = KeywordFields.Weights.DEFAULT;

    PineconeTerms(PineconeData data) {
        this.data = data;
    }

    List<String> terms(String text) {
        return KeywordFields.terms(analyzer, text);
    }

    static int termIndex(String term) {
        var bytes = new BytesRef(term);
        return StringHelper.murmurhash3_x86_32(bytes, 0x4c756e61);
    }

    SparseValues documentSparse(Chunk c, double avgdl) {
        var tf = new HashMap<String, Double>();
        var content = terms(c.content());
        for (String t : content) tf.merge(t, 1.0, Double::sum);
        if (c.symbol() != null) weigh(tf, c.symbol(), fieldWeights.symbol());
        weigh(tf, KeywordFields.name(c), fieldWeights.name());
        weigh(tf, KeywordFields.signature(c), fieldWeights.signature());
        weigh(tf, c.path(), fieldWeights.path());
        double norm = K1 * (1 - B + B * content.size() / Math.max(1.0, avgdl));
        var weights = new HashMap<Integer, Double>();
        for (var e : tf.entrySet()) {
            double w = e.getValue() * (K1 + 1) / (e.getValue() + norm);
            weights.merge(termIndex(e.getKey()), w, Double::sum);
        }
        return sparse(weights);
    }

    private void weigh(Map<String, Double> tf, String text, double weight) {
        if (text == null || weight <= 0) return;
        for (String t : terms(text)) tf.merge(t, weight, Double::sum);
    }

    /**
     * Each query term weighs its BM25 IDF, {@code ln(1 + (N - df + 0.5) / (df + 0.5))}, times its
     * {@link KeywordFields#queryTerms query weight} (joined identifiers); terms no chunk has are left out.
     */
    SparseValues querySparse(String namespace, String query, long chunks) {
        var indexes = new ArrayList<Integer>();
        var queryWeights = new HashMap<Integer, Double>();
        for (var e : KeywordFields.queryTerms(analyzer, query, fieldWeights.joined()).entrySet()) {
            int i = termIndex(e.getKey());
            if (!indexes.contains(i)) indexes.add(i);
            queryWeights.merge(i, e.getValue(), Math::max);
        }
        if (indexes.isEmpty()) return SparseValues.getDefaultInstance();
        var df = documentFrequencies(namespace, indexes);
        double n = Math.max(1, chunks);
        var weights = new HashMap<Integer, Double>();
        for (int i : indexes) {
            Integer d = df.get(i);
            if (d == null || d <= 0) continue;
            weights.put(i, queryWeights.get(i) * Math.log(1 + (n - d + 0.5) / (d + 0.5)));
        }
        return sparse(weights);
    }

    private static SparseValues sparse(Map<Integer, Double> weights) {
        var entries = new ArrayList<>(weights.entrySet());
        if (entries.size() > MAX_SPARSE) {
            entries.sort(Map.Entry.<Integer, Double>comparingByValue().reversed());
            entries = new ArrayList<>(entries.subList(0, MAX_SPARSE));
        }
        entries.sort(Map.Entry.comparingByKey(Integer::compareUnsigned));
        var b = SparseValues.newBuilder();
        for (var e : entries) b.addIndices(e.getKey()).addValues(e.getValue().floatValue());
        return b.build();
    }

    /** Per sparse index: +1 for each chunk record written that has it, -1 for each chunk record replaced that had it. */
    static Map<Integer, Integer> delta(List<Vector> written, List<Vector> replaced) {
        var delta = new HashMap<Integer, Integer>();
        for (Vector v : written) {
            if (!CHUNK.equals(text(v.getMetadata().getFieldsMap(), KIND))) continue;
            for (int i : v.getSparseValues().getIndicesList()) delta.merge(i, 1, Integer::sum);
        }
        for (Vector v : replaced) for (int i : v.getSparseValues().getIndicesList()) delta.merge(i, -1, Integer::sum);
        delta.values().removeIf(d -> d == 0);
        return delta;
    }

    private static String termId(int index) {
        return "t#" + Integer.toUnsignedString(index);
    }

    /**
     * Applies document-frequency changes to the namespace's term records, after the generation flipped. They only
     * weigh query terms: if this fails, the weights drift until the terms are written again, the index itself stays
     * correct.
     */
    void count(String ns, Map<Integer, Integer> delta) {
        if (delta.isEmpty()) return;
        try {
            var indexes = new ArrayList<>(delta.keySet());
            var df = documentFrequencies(ns, indexes);
            var upserts = new ArrayList<Vector>();
            var deletes = new ArrayList<String>();
            for (int i : indexes) {
                int n = df.getOrDefault(i, 0) + delta.get(i);
                if (n > 0) {
                    upserts.add(Vector.newBuilder().setId(termId(i)).addAllValues(data.unit())
                            .setMetadata(Struct.newBuilder().putFields(KIND, str(TERM)).putFields("df", num(n))).build());
                } else if (df.containsKey(i)) {
                    deletes.add(termId(i));
                }
            }
            data.upsert(ns, upserts);
            for (int i = 0; i < deletes.size(); i += IN_BATCH) data.deleteIds(ns, deletes.subList(i, Math.min(deletes.size(), i + IN_BATCH)));
        } catch (PineconeStore.PineconeFailure e) {
            System.getLogger(PineconeStore.class.getName()).log(System.Logger.Level.WARNING,
                    "term statistics of namespace " + ns + " not updated; keyword weights drift until these terms are written again: " + e.getMessage());
        }
    }

    private Map<Integer, Integer> documentFrequencies(String ns, List<Integer> indexes) {
        var out = new HashMap<Integer, Integer>();
        for (int i = 0; i < indexes.size(); i += IN_BATCH) {
            var batch = indexes.subList(i, Math.min(indexes.size(), i + IN_BATCH)).stream().map(PineconeTerms::termId).toList();
            for (var e : data.fetch(ns, batch).entrySet()) {
                out.put(Integer.parseUnsignedInt(e.getKey().substring(2)), (int) num(e.getValue().getMetadata().getFieldsMap(), "df"));
            }
        }
        return out;
    }
}
