package dev.luna.rag;

import static dev.luna.rag.PineconeStructs.CHUNK;
import static dev.luna.rag.PineconeStructs.FILE;
import static dev.luna.rag.PineconeStructs.FROM;
import static dev.luna.rag.PineconeStructs.KIND;
import static dev.luna.rag.PineconeStructs.OPEN;
import static dev.luna.rag.PineconeStructs.PART;
import static dev.luna.rag.PineconeStructs.UNTIL;
import static dev.luna.rag.PineconeStructs.floats;
import static dev.luna.rag.PineconeStructs.num;
import static dev.luna.rag.PineconeStructs.str;
import static dev.luna.rag.PineconeStructs.strings;
import static dev.luna.rag.PineconeStructs.text;

import com.google.protobuf.Struct;
import dev.luna.core.Hashes;
import io.pinecone.proto.Vector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * Chunks as Pinecone records and back: one record per chunk ({@code <chunk id>#<generation>}) with the dense and
 * sparse vectors and everything a {@link Chunk} has in its metadata (plus the path's directories, depth and
 * extension and the symbol's dotted prefixes, for filters), continuation records ({@code kind=part}) for content
 * beyond {@value #PART_BYTES} bytes, and one {@code kind=file} record per file with its hash.
 */
final class PineconeRecords {
    static final int PART_BYTES = 30_000; // as JSON; the rest of a record's metadata fits in the other 10 KB of Pinecone's 40

    private final PineconeData data;
    private final PineconeTerms terms;

    PineconeRecords(PineconeData data, PineconeTerms terms) {
        this.data = data;
        this.terms = terms;
    }

    /** The chunk's vector, plus continuation records when its content is too large for one record's metadata. */
    List<Vector> records(VectorStore.Entry e, long g, double avgdl) {
        Chunk c = e.chunk();
        var parts = split(c.content());
        var meta = Struct.newBuilder()
                .putFields(KIND, str(CHUNK)).putFields(CHUNK, str(c.id())).putFields("path", str(c.path()))
                .putFields("depth", num(c.path().split("/", -1).length))
                .putFields("ext", str(ext(c.path()))).putFields("language", str(c.language())).putFields("ckind", str(c.kind()))
                .putFields("startLine", num(c.startLine())).putFields("endLine", num(c.endLine()))
                .putFields("contentHash", str(c.contentHash())).putFields("fileHash", str(e.fileHash() == null ? "" : e.fileHash()))
                .putFields("tokens", num(c.tokenCount())).putFields("content", str(parts.get(0))).putFields("parts", num(parts.size() - 1))
                .putFields(FROM, num(g)).putFields(UNTIL, num(OPEN));
        if (c.symbol() != null) meta.putFields("symbol", str(c.symbol())).putFields("symbols", strings(symbolPrefixes(c.symbol())));
        if (c.path().indexOf('/') > 0) meta.putFields("dirs", strings(dirs(c.path()))); // Pinecone metadata has no empty lists
        var out = new ArrayList<Vector>();
        var dense = floats(e.vector());
        var record = Vector.newBuilder().setId(c.id() + "#" + g).addAllValues(dense).setMetadata(meta);
        var sparse = terms.documentSparse(c, avgdl);
        if (sparse.getIndicesCount() > 0) record.setSparseValues(sparse); // Pinecone refuses an empty sparse vector
        out.add(record.build());
        for (int i = 1; i < parts.size(); i++) {
            var pm = Struct.newBuilder().putFields(KIND, str(PART)).putFields(CHUNK, str(c.id())).putFields("path", str(c.path()))
                    .putFields("content", str(parts.get(i))).putFields(FROM, num(g)).putFields(UNTIL, num(OPEN));
            out.add(Vector.newBuilder().setId(c.id() + "#" + g + "#p" + i).addAllValues(dense).setMetadata(pm).build());
        }
        return out;
    }

    Vector fileRecord(String path, String fileHash, long g) {
        var meta = Struct.newBuilder().putFields(KIND, str(FILE)).putFields("path", str(path)).putFields("fileHash", str(fileHash))
                .putFields(FROM, num(g)).putFields(UNTIL, num(OPEN));
        return Vector.newBuilder().setId("f#" + g + "#" + Hashes.sha256(path).substring(0, 32)).addAllValues(data.unit()).setMetadata(meta).build();
    }

    /** Chunks from record metadata, fetching the continuation parts of any that have them. */
    List<Chunk> chunksOf(String namespace, List<String> recordIds, List<Struct> metas) {
        var partIds = new ArrayList<String>();
        for (int i = 0; i < metas.size(); i++) {
            int parts = (int) num(metas.get(i).getFieldsMap(), "parts");
            for (int p = 1; p <= parts; p++) partIds.add(recordIds.get(i) + "#p" + p);
        }
        var partContent = new HashMap<String, String>();
        for (int i = 0; i < partIds.size(); i += PineconeData.PAGE) {
            var batch = partIds.subList(i, Math.min(partIds.size(), i + PineconeData.PAGE));
            for (var e : data.fetch(namespace, batch).entrySet()) partContent.put(e.getKey(), text(e.getValue().getMetadata().getFieldsMap(), "content"));
        }
        var out = new ArrayList<Chunk>(metas.size());
        for (int i = 0; i < metas.size(); i++) {
            var m = metas.get(i).getFieldsMap();
            var content = new StringBuilder(text(m, "content"));
            int parts = (int) num(m, "parts");
            for (int p = 1; p <= parts; p++) {
                String part = partContent.get(recordIds.get(i) + "#p" + p);
                if (part == null) throw new IllegalStateException("chunk " + text(m, CHUNK) + " misses its content part " + p);
                content.append(part);
            }
            out.add(new Chunk(text(m, CHUNK), text(m, "path"), text(m, "language"), m.containsKey("symbol") ? text(m, "symbol") : null,
                    text(m, "ckind"), (int) num(m, "startLine"), (int) num(m, "endLine"), content.toString(), text(m, "contentHash"),
                    (int) num(m, "tokens")));
        }
        return out;
    }

    /** Content in pieces of at most {@link #PART_BYTES} bytes as JSON (UTF-8, escapes counted), never splitting a character. */
    static List<String> split(String content) {
        var out = new ArrayList<String>();
        int start = 0;
        while (true) {
            int bytes = 0, i = start;
            while (i < content.length()) {
                int cp = content.codePointAt(i);
                int n = switch (cp) {
                    case '"', '\\', '\n', '\r', '\t', '\b', '\f' -> 2;
                    case '<', '>', '&', '=', '\'' -> 6; // HTML-safe JSON writers escape these as six characters
                    default -> cp < 0x20 ? 6 : cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
                };
                if (bytes + n > PART_BYTES) break;
                bytes += n;
                i += Character.charCount(cp);
            }
            out.add(content.substring(start, i));
            if (i >= content.length()) return out;
            start = i;
        }
    }

    static List<String> dirs(String path) {
        var out = new ArrayList<String>();
        for (int i = path.indexOf('/'); i > 0; i = path.indexOf('/', i + 1)) out.add(path.substring(0, i));
        return out;
    }

    static String ext(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }

    static List<String> symbolPrefixes(String symbol) {
        var out = new ArrayList<String>();
        for (int i = symbol.indexOf('.'); i > 0; i = symbol.indexOf('.', i + 1)) out.add(symbol.substring(0, i));
        out.add(symbol);
        return out;
    }
}
