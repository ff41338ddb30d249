package dev.luna.rag;

import static dev.luna.rag.LuceneDocuments.CONTENT;
import static dev.luna.rag.LuceneDocuments.LANGUAGE;
import static dev.luna.rag.LuceneDocuments.PATH;
import static dev.luna.rag.LuceneDocuments.PATH_TEXT;
import static dev.luna.rag.LuceneDocuments.SYMBOL;
import static dev.luna.rag.LuceneDocuments.SYMBOL_TEXT;

import dev.luna.core.ValidationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
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
 * The Lucene queries of {@link LuceneStore}: keyword queries over content, symbol (weight 2) and path (0.5) terms,
 * and filters on language, symbol (and its members) and a path glob.
 */
final class LuceneQueries {
    private final IdentifierAnalyzer analyzer = new IdentifierAnalyzer(true);

    /** The keyword query of a text within the filter, or null when the text has no terms. */
    Query keyword(String query, VectorStore.Filter filter) {
        var terms = analyze(query);
        if (terms.isEmpty()) return null;
        var text = new BooleanQuery.Builder();
        for (String t : terms) {
            text.add(new TermQuery(new Term(CONTENT, t)), BooleanClause.Occur.SHOULD);
            text.add(new BoostQuery(new TermQuery(new Term(SYMBOL_TEXT, t)), 2f), BooleanClause.Occur.SHOULD);
            text.add(new BoostQuery(new TermQuery(new Term(PATH_TEXT, t)), 0.5f), BooleanClause.Occur.SHOULD);
        }
        return filtered(text.build(), filter);
    }

    private List<String> analyze(String text) {
        var out = new ArrayList<String>();
        try (var ts = analyzer.tokenStream(CONTENT, text)) {
            var term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                String t = term.toString();
                if (!out.contains(t) && out.size() < 256) out.add(t);
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
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
