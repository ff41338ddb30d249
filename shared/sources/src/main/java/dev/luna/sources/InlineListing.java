package dev.luna.sources;

import dev.luna.core.ValidationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/** The files of an inline source, decoded; a file with an unsafe path refuses the whole source (400 naming it). */
final class InlineListing implements Listing {
    private final List<Entry> entries = new ArrayList<>();
    private final List<byte[]> contents = new ArrayList<>();

    InlineListing(List<Source.InlineFile> files, String prefix) {
        if (files == null) throw new ValidationException(prefix + ".files", "must list at least one file");
        for (int i = 0; i < files.size(); i++) {
            var f = files.get(i);
            String field = prefix + ".files[" + i + "]";
            if (f == null) throw new ValidationException(field, "must not be null");
            String path = SourcePaths.normalise(field + ".path", f.path());
            byte[] bytes = bytes(f, field);
            entries.add(new Entry(i, f.path(), path, Entry.Kind.FILE, bytes.length));
            contents.add(bytes);
        }
    }

    static byte[] bytes(Source.InlineFile f, String field) {
        if ((f.content() == null) == (f.contentBase64() == null)) throw new ValidationException(field, "needs exactly one of content and contentBase64");
        if (f.content() != null) return f.content().getBytes(StandardCharsets.UTF_8);
        return base64(field + ".contentBase64", f.contentBase64());
    }

    static byte[] base64(String field, String value) {
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new ValidationException(field, "is not valid base64");
        }
    }

    @Override
    public List<Entry> entries() {
        return entries;
    }

    @Override
    public void read(List<Wanted> wanted, Sink sink) throws IOException {
        for (var w : wanted) {
            byte[] all = contents.get(w.entry().ordinal());
            sink.accept(w, all.length <= w.limit() ? all : Arrays.copyOf(all, w.limit()));
        }
    }
}
