package dev.luna.rag;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.pattern.PatternTokenizer;

/**
 * Code-aware analysis for BM25: splits on anything but letters, digits and underscores, then splits identifiers at
 * camelCase, snake_case and letter/digit boundaries while keeping the whole identifier too ({@code parseHttpRequest}
 * gives {@code parsehttprequest}, {@code parse}, {@code http}, {@code request}), lower-cases, drops English stop
 * words and stems, so a question in prose meets code.
 */
public final class IdentifierAnalyzer extends Analyzer {
    private static final java.util.regex.Pattern SPLIT = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}_]+");
    private final boolean forIndex;

    public IdentifierAnalyzer(boolean forIndex) {
        this.forIndex = forIndex;
    }

    @Override
    protected TokenStreamComponents createComponents(String field) {
        var tokenizer = new PatternTokenizer(SPLIT, -1);
        int flags = WordDelimiterGraphFilter.GENERATE_WORD_PARTS | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS
                | WordDelimiterGraphFilter.SPLIT_ON_CASE_CHANGE | WordDelimiterGraphFilter.SPLIT_ON_NUMERICS
                | WordDelimiterGraphFilter.PRESERVE_ORIGINAL | WordDelimiterGraphFilter.STEM_ENGLISH_POSSESSIVE;
        TokenStream stream = new WordDelimiterGraphFilter(tokenizer, flags, null);
        if (forIndex) stream = new FlattenGraphFilter(stream);
        stream = new LowerCaseFilter(stream);
        stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }
}
