package dev.luna.rag;

import static dev.luna.rag.LuceneDocuments.CONTENT;
import static dev.luna.rag.LuceneDocuments.LANGUAGE;
import static dev.luna.rag.LuceneDocuments.NAME_TEXT;
import static dev.luna.rag.LuceneDocuments.PATH;
import static dev.luna.rag.LuceneDocuments.PATH_TEXT;
import static dev.luna.rag.LuceneDocuments.SIGNATURE_TEXT;
import static dev.luna.rag.LuceneDocuments.SYMBOL;
import static dev.luna.rag.LuceneDocuments.SYMBOL_TEXT;

import dev.luna.core.ValidationException;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.RegexpQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;

/**
 * The Lucene queries of {@link LuceneStore}: keyword queries over the content, symbol, name, signature and path
 * fields, each boosted by its {@link KeywordFields.Weights} (joined query identifiers weigh their own weight too),
 * and filters on language, symbol (and its members) and a path glob.
 */
final class LuceneQueries {
    private final IdentifierAnalyzer analyzer = new IdentifierAnalyzer(true);
    private final KeywordFields.Weights weights;

    LuceneQueries(KeywordFields.Weights weights) {
        this.weights = weights;
    }

    /** The keyword query of a text within the filter, or null when the text has no terms. */
    Query keyword(String query, VectorStore.Filter filter) {
        var terms = KeywordFields.queryTerms(analyzer, query, weights.joined());
        if (terms.isEmpty()) return null;
        var text = new BooleanQuery.Builder();
        for (var e : terms.entrySet()) {
            String t = e.getKey();
            double w = e.getValue();
            add(text, CONTENT, t, w);
            add(text, SYMBOL_TEXT, t, w * weights.symbol());
            add(text, NAME_TEXT, t, w * weights.name());
            add(text, SIGNATURE_TEXT, t, w * weights.signature());
            add(text, PATH_TEXT, t, w * weights.path());
        }
        return filtered(text.build(), filter);
    }

    private static void add(BooleanQuery.Builder b, String field, String term, double weight) {
        if (weight <= 0) return;
        Query q = new TermQuery(new Term(field, term));
        b.add(weight == 1 ? q : new BoostQuery(q, (float) weight), BooleanClause.Occur.SHOULD);
    }

    private static Query filtered(Query q, VectorStore.Filter filter) {
        Query f = filter(filter);
        if (f == null) return q;
        return new BooleanQuery.Builder().add(q, BooleanClause.Occur.MUST).add(f, BooleanClause.Occur.FILTER).build();
    }

    /** The filter as a query, or null when it filters nothing; 400 for a glob too complex to run. */
    static Query filter(VectorStore.Filter filter) {
        if (filter == null) return null;
        var b = new BooleanQuery.Builder();
        int n = 0;
        if (filter.language() != null) {
            b.add(new TermQuery(new Term(LANGUAGE, filter.language())), BooleanClause.Occur.FILTER);
            n++;
        }
        if (filter.symbol() != null) {
            var s = new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(SYMBOL, filter.symbol())), BooleanClause.Occur.SHOULD)
                    .add(new PrefixQuery(new Term(SYMBOL, filter.symbol() + ".")), BooleanClause.Occur.SHOULD)
                    .setMinimumNumberShouldMatch(1).build();
            b.add(s, BooleanClause.Occur.FILTER);
            n++;
        }
        if (filter.pathGlob() != null) {
            try {
                b.add(new RegexpQuery(new Term(PATH, globToRegexp(filter.pathGlob()))), BooleanClause.Occur.FILTER);
            } catch (IllegalArgumentException | TooComplexToDeterminizeException e) {
                throw new ValidationException("filters.path", "is too complex a glob");
            }
            n++;
        }
        return n == 0 ? null : b.build();
    }

    /** A glob as a Lucene regular expression: {@code **}{@code /} any directories, {@code **} anything, {@code *} within a segment, {@code ?} one character. */
    static String globToRegexp(String glob) {
        var sb = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                if (i + 2 < glob.length() && glob.charAt(i + 2) == '/') {
                    sb.append("(.*/)?");
                    i += 2;
                } else {
                    sb.append(".*");
                    i++;
                }
            } else if (c == '*') {
                sb.append("[^/]*");
            } else if (c == '?') {
                sb.append("[^/]");
            } else if (Character.isLetterOrDigit(c) || c == '/') {
                sb.append(c);
            } else {
                sb.append('\\').append(c);
            }
        }
        return sb.toString();
    }
}
