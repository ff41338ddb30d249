package dev.luna.rag;

import static dev.luna.rag.PineconeStructs.CHUNK;
import static dev.luna.rag.PineconeStructs.KIND;
import static dev.luna.rag.PineconeStructs.and;
import static dev.luna.rag.PineconeStructs.live;
import static dev.luna.rag.PineconeStructs.obj;
import static dev.luna.rag.PineconeStructs.str;
import static dev.luna.rag.PineconeStructs.strings;
import static dev.luna.rag.PineconeStructs.text;

import com.google.protobuf.Struct;
import dev.luna.rag.PineconeGenerations.State;
import dev.luna.rag.VectorStore.Filter;
import dev.luna.rag.VectorStore.Hit;
import dev.luna.rag.VectorStore.Ref;
import io.pinecone.proto.QueryRequest;
import io.pinecone.proto.ScoredVector;
import io.pinecone.proto.SparseValues;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link PineconeStore}'s rankings: vector queries on the dense part, keyword queries on the sparse part alone (the
 * dense part a negligible epsilon; matches sharing no term dropped), always restricted to the live chunk records of
 * the committed generation, with the language, symbol and path-glob filters run in Pinecone and a glob it cannot
 * express finished here over a deeper candidate list.
 */
final class PineconeQueries {
    static final int MAX_TOP_K = 1000;
    static final double MIN_KEYWORD_SCORE = 1e-6;

    private final PineconeData data;
    private final PineconeTerms terms;
    private final PineconeRecords records;

    PineconeQueries(PineconeData data, PineconeTerms terms, PineconeRecords records) {
        this.data = data;
        this.terms = terms;
        this.records = records;
    }

    List<Hit> keyword(String namespace, State s, String query, int topK, Filter filter) {
        if (s.committed() == 0) return List.of();
        var sparse = terms.querySparse(namespace, query, s.chunks());
        if (sparse.getIndicesCount() == 0) return List.of();
        return hits(namespace, matches(namespace, s, epsilon(), sparse, topK, filter, true, true));
    }

    List<Hit> vector(String namespace, State s, float[] query, int topK, Filter filter) {
        var dense = dense(query);
        return hits(namespace, matches(namespace, s, dense, null, topK, filter, false, true));
    }

    /** Ids only: without a glob to finish client-side, Pinecone sends no metadata at all. */
    List<Ref> keywordRefs(String namespace, State s, String query, int topK, Filter filter) {
        if (s.committed() == 0) return List.of();
        var sparse = terms.querySparse(namespace, query, s.chunks());
        if (sparse.getIndicesCount() == 0) return List.of();
        return refs(matches(namespace, s, epsilon(), sparse, topK, filter, true, false));
    }

    List<Ref> vectorRefs(String namespace, State s, float[] query, int topK, Filter filter) {
        var dense = dense(query);
        return refs(matches(namespace, s, dense, null, topK, filter, false, false));
    }

    private List<Float> dense(float[] query) {
        if (query.length != data.dimension()) throw new IllegalArgumentException("query vector of dimension " + query.length + ", the index " + data.dimension());
        return PineconeStructs.floats(query);
    }

    /** The dense part of a keyword query: Pinecone wants one; this one adds at most 1e-30 to a score. */
    private List<Float> epsilon() {
        var out = new ArrayList<Float>(data.dimension());
        for (int i = 0; i < data.dimension(); i++) out.add(i == 0 ? 1e-30f : 0f);
        return out;
    }

    private static List<Ref> refs(List<ScoredVector> matches) {
        var out = new ArrayList<Ref>(matches.size());
        for (ScoredVector m : matches) out.add(new Ref(m.getId().substring(0, m.getId().lastIndexOf('#')), m.getScore()));
        return out;
    }

    private List<Hit> hits(String namespace, List<ScoredVector> kept) {
        var chunks = records.chunksOf(namespace, kept.stream().map(ScoredVector::getId).toList(),
                kept.stream().map(ScoredVector::getMetadata).toList());
        var out = new ArrayList<Hit>(kept.size());
        for (int i = 0; i < kept.size(); i++) out.add(new Hit(chunks.get(i), kept.get(i).getScore()));
        return out;
    }

    /** The live chunk records ranked by Pinecone, filtered, globs finished, at most topK. */
    private List<ScoredVector> matches(String namespace, State s, List<Float> dense, SparseValues sparse, int topK, Filter filter,
                                       boolean keyword, boolean withMetadata) {
        if (s.committed() == 0 || topK < 1) return List.of();
        var glob = filter == null ? PineconeGlob.NONE : PineconeGlob.of(filter.pathGlob());
        var conditions = new ArrayList<Struct>();
        conditions.add(obj(KIND, str(CHUNK)));
        conditions.add(live(s.committed()));
        if (filter != null && filter.language() != null) conditions.add(obj("language", str(filter.language())));
        if (filter != null && filter.symbol() != null) conditions.add(obj("symbols", obj("$in", strings(List.of(filter.symbol())))));
        conditions.addAll(glob.server());
        int k = glob.exact() ? Math.min(topK, MAX_TOP_K) : Math.min(MAX_TOP_K, Math.max(topK * 5, 100));
        var q = QueryRequest.newBuilder().setNamespace(namespace).setTopK(k).addAllVector(dense).setFilter(and(conditions.toArray(Struct[]::new)))
                .setIncludeMetadata(withMetadata || !glob.exact()).setIncludeValues(false);
        if (sparse != null) q.setSparseVector(sparse);
        var kept = new ArrayList<ScoredVector>();
        for (ScoredVector m : data.query(q.build())) {
            if (keyword && m.getScore() < MIN_KEYWORD_SCORE) continue;
            if (!glob.exact() && !glob.matches(text(m.getMetadata().getFieldsMap(), "path"))) continue;
            kept.add(m);
            if (kept.size() == topK) break;
        }
        return kept;
    }
}
