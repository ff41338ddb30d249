package dev.luna.rag;

import static dev.luna.rag.PineconeStructs.num;
import static dev.luna.rag.PineconeStructs.obj;
import static dev.luna.rag.PineconeStructs.str;
import static dev.luna.rag.PineconeStructs.strings;

import com.google.protobuf.Struct;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A path glob as Pinecone conditions on the stored {@code dirs}/{@code depth}/{@code ext}/{@code path}, and whether
 * those alone decide it ({@code exact}); when they do not, the glob's {@code pattern} finishes the filtering
 * client-side over a deeper candidate list.
 */
record PineconeGlob(List<Struct> server, Pattern pattern, boolean exact) {
    static final PineconeGlob NONE = new PineconeGlob(List.of(), null, true);

    boolean matches(String path) {
        return pattern == null || pattern.matcher(path).matches();
    }

    static PineconeGlob of(String glob) {
        if (glob == null) return NONE;
        var pattern = Pattern.compile(LuceneQueries.globToRegexp(glob));
        String[] segs = glob.split("/", -1);
        int literal = 0;
        while (literal < segs.length && !wild(segs[literal])) literal++;
        if (literal == segs.length) return new PineconeGlob(List.of(obj("path", str(glob))), pattern, true);
        var server = new ArrayList<Struct>();
        if (literal > 0) server.add(obj("dirs", obj("$in", strings(List.of(String.join("/", Arrays.copyOf(segs, literal)))))));
        var rest = Arrays.asList(segs).subList(literal, segs.length);
        String last = rest.get(rest.size() - 1);
        boolean extOnly = last.matches("\\*\\.[A-Za-z0-9_+-]+");
        boolean exact;
        if (rest.size() == 1 && !last.contains("**")) {
            server.add(obj("depth", num(segs.length)));
            if (extOnly) server.add(obj("ext", str(last.substring(2))));
            exact = last.equals("*") || extOnly;
        } else if (rest.size() == 1) {
            exact = last.equals("**");
        } else if (rest.size() == 2 && rest.get(0).equals("**") && !last.contains("**")) {
            if (extOnly) server.add(obj("ext", str(last.substring(2))));
            exact = last.equals("*") || extOnly;
        } else {
            exact = false;
        }
        return new PineconeGlob(server, pattern, exact);
    }

    private static boolean wild(String seg) {
        return seg.indexOf('*') >= 0 || seg.indexOf('?') >= 0;
    }
}
