package dev.luna.tools;

import dev.luna.core.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A packaged module, exploded: the directory Lambda extracts the zip to ({@code /var/task}), described by the
 * {@code luna-package.json} that {@link Packager} writes into it: the module, its class path in order, and the
 * CDS archive with the JDK that made it.
 */
public record PackagedModule(Path dir, String module, String artifact, List<String> classpath, String archive, String archiveJdk) {
    public static final String MANIFEST = "luna-package.json";
    public static final String ARCHIVE = "cds/luna.jsa";

    public static PackagedModule read(Path dir) throws IOException {
        Path manifest = dir.resolve(MANIFEST);
        if (!Files.exists(manifest)) throw new IllegalStateException(dir + " is not a packaged module (no " + MANIFEST + "); run scripts/package");
        var tree = Json.tree(Files.readString(manifest));
        var classpath = new ArrayList<String>();
        tree.get("classpath").forEach(n -> classpath.add(n.asString()));
        var cds = tree.get("cds");
        return new PackagedModule(dir, tree.get("module").asString(), tree.get("artifact").asString(), List.copyOf(classpath),
                cds == null || cds.isNull() ? null : cds.get("archive").asString(),
                cds == null || cds.isNull() ? null : cds.get("jdk").asString());
    }

    public List<Path> classpathIn(Path taskDir) {
        return classpath.stream().map(taskDir::resolve).toList();
    }

    /** The JVM option that maps the archive, or none when the package has no archive or it is disabled. */
    public List<String> archiveOptions(boolean useArchive) {
        return useArchive && archive != null ? List.of("-XX:SharedArchiveFile=" + dir.resolve(archive)) : List.of();
    }
}
