package dev.luna.rag;

import java.util.Arrays;
import org.apache.lucene.search.ScoreDoc;

/**
 * Weighted reciprocal-rank fusion of a keyword and a vector ranking on Lucene document numbers: each document scores
 * {@code weight / (k + rank)} per ranking it is in (ranks from 1), summed; ties keep the order first met (keyword
 * ranking, then the vector ranking's new documents). With {@link VectorStore.Fusion#byScore()}, each document scores its
 * min-max normalised BM25 and cosine scores, weighted, instead.
 */
final class RankFusion {
    /** A fused document and its score. */
    record Fused(int doc, double score) {
    }

    private RankFusion() {
    }

    private static double cosine(ScoreDoc d) {
        return 2 * d.score - 1;
    }

    static Fused[] fuse(ScoreDoc[] keyword, ScoreDoc[] vector, VectorStore.Fusion fusion, int topK) {
        int[] docs = new int[keyword.length + vector.length];
        double[] scores = new double[docs.length];
        int n = 0;
        // score fusion reads the vector ranking's scores as cosine similarities, as LuceneStore reports them (2s - 1)
        double kMax = keyword.length == 0 ? 0 : keyword[0].score, kMin = keyword.length == 0 ? 0 : keyword[keyword.length - 1].score;
        double vMax = vector.length == 0 ? 0 : cosine(vector[0]), vMin = vector.length == 0 ? 0 : cosine(vector[vector.length - 1]);
        for (int r = 0; r < keyword.length; r++) {
            docs[n] = keyword[r].doc;
            scores[n++] = fusion.contribution(fusion.keywordWeight(), r, keyword[r].score, kMax, kMin);
        }
        int fromKeyword = n;
        for (int r = 0; r < vector.length; r++) {
            double add = fusion.contribution(fusion.vectorWeight(), r, cosine(vector[r]), vMax, vMin);
            int at = -1;
            for (int j = 0; j < fromKeyword; j++) {
                if (docs[j] == vector[r].doc) {
                    at = j;
                    break;
                }
            }
            if (at >= 0) {
                scores[at] += add;
            } else {
                docs[n] = vector[r].doc;
                scores[n++] = add;
            }
        }
        // stable selection of the top k by fused score
        Integer[] order = new Integer[n];
        for (int j = 0; j < n; j++) order[j] = j;
        Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
        var out = new Fused[Math.min(topK, n)];
        for (int j = 0; j < out.length; j++) out[j] = new Fused(docs[order[j]], scores[order[j]]);
        return out;
    }
}
