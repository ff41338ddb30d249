package dev.luna.rag;

import java.util.Map;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;

/**
 * Chunks as {@link LuceneStore} documents and back: exact fields for ids, paths, languages and symbols (the id also
 * as doc values, read without stored fields), BM25 text fields for content, symbol, name, signature and path
 * ({@link KeywordFields}) analysed by
 * {@link IdentifierAnalyzer}, and an HNSW vector field (cosine).
 */
final class LuceneDocuments {
    static final String ID = "id", PATH = "path", LANGUAGE = "language", SYMBOL = "symbol", SYMBOL_TEXT = "symbolText",
            PATH_TEXT = "pathText", NAME_TEXT = "nameText", SIGNATURE_TEXT = "signatureText", CONTENT = "content", KIND = "kind", START = "startLine", END = "endLine", HASH = "hash",
            TOKENS = "tokens", FILE_HASH = "fileHash", VECTOR = "vector";

    private LuceneDocuments() {
    }

    /** The analyzer of each field: identifiers split for content, symbol and path text; standard otherwise. */
    static PerFieldAnalyzerWrapper analyzer(boolean forIndex) {
        var code = new IdentifierAnalyzer(forIndex);
        return new PerFieldAnalyzerWrapper(new StandardAnalyzer(), Map.of(CONTENT, code, SYMBOL_TEXT, code, PATH_TEXT, code,
                NAME_TEXT, code, SIGNATURE_TEXT, code));
    }

    static Document document(VectorStore.Entry e) {
        Chunk c = e.chunk();
        var d = new Document();
        d.add(new StringField(ID, c.id(), Field.Store.YES));
        d.add(new SortedDocValuesField(ID, new BytesRef(c.id())));
        d.add(new StringField(PATH, c.path(), Field.Store.YES));
        d.add(new TextField(PATH_TEXT, c.path(), Field.Store.NO));
        d.add(new StringField(LANGUAGE, c.language(), Field.Store.YES));
        if (c.symbol() != null) {
            d.add(new StringField(SYMBOL, c.symbol(), Field.Store.YES));
            d.add(new TextField(SYMBOL_TEXT, c.symbol(), Field.Store.NO));
        }
        String name = KeywordFields.name(c);
        if (name != null) d.add(new TextField(NAME_TEXT, name, Field.Store.NO));
        String signature = KeywordFields.signature(c);
        if (signature != null) d.add(new TextField(SIGNATURE_TEXT, signature, Field.Store.NO));
        d.add(new StoredField(KIND, c.kind()));
        d.add(new IntField(START, c.startLine(), Field.Store.YES));
        d.add(new StoredField(END, c.endLine()));
        d.add(new TextField(CONTENT, c.content(), Field.Store.YES));
        d.add(new StringField(HASH, c.contentHash(), Field.Store.YES));
        d.add(new StoredField(TOKENS, c.tokenCount()));
        d.add(new StringField(FILE_HASH, e.fileHash() == null ? "" : e.fileHash(), Field.Store.YES));
        if (e.vector() != null) d.add(new KnnFloatVectorField(VECTOR, e.vector(), VectorSimilarityFunction.COSINE));
        return d;
    }

    static Chunk chunk(Document d) {
        return new Chunk(d.get(ID), d.get(PATH), d.get(LANGUAGE), d.get(SYMBOL), d.get(KIND),
                d.getField(START).numericValue().intValue(), d.getField(END).numericValue().intValue(), d.get(CONTENT), d.get(HASH),
                d.getField(TOKENS).numericValue().intValue());
    }
}
