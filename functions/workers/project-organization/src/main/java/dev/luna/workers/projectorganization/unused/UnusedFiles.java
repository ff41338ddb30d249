package dev.luna.workers.projectorganization.unused;

import dev.luna.codebase.ProjectModel;
import dev.luna.workers.projectorganization.Confidence;
import dev.luna.workers.projectorganization.Finding;
import dev.luna.workers.projectorganization.patch.PatchPlanner;
import dev.luna.workers.projectorganization.rules.Kinds;
import dev.luna.workers.projectorganization.tree.Mentions;
import dev.luna.workers.projectorganization.tree.Project;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Unused files: Java classes no entry point reaches, JS/TS modules no package entry reaches, assets no file names.
 * Each comes with its evidence and a confidence; a name that still appears in another file (reflection, configuration,
 * a build script) lowers it to medium. Only high-confidence files go into the patch.
 */
public final class UnusedFiles {
    private static final Pattern ASSET = Pattern.compile("(?i).*\\.(png|jpe?g|gif|svg|webp|avif|ico|bmp|woff2?|ttf|otf|eot|mp3|mp4|webm|ogg|wav)$");
    private static final Pattern ASSET_SKIP = Pattern.compile("(?i)(^|.*/)(\\.github|res|[^/]*\\.xcassets|[^/]*\\.imageset|docs?)/.*"
            + "|(^|.*/)(favicon|apple-touch-icon|android-chrome|mstile|safari-pinned-tab|icon|logo)[^/]*");

    /** Findings plus figures. */
    public record Result(List<Finding> findings, Map<String, Object> stats) {
    }

    private final Kinds kinds;

    public UnusedFiles(Kinds kinds) {
        this.kinds = kinds;
    }

    public Result run(Project project, ProjectModel model, ScriptGraph graph, PatchPlanner planner) {
        var stats = new TreeMap<String, Object>();
        var java = model == null ? List.<JavaReach.Unreached>of() : JavaReach.find(model);
        var reachable = graph.reachable();
        var scripts = graph.modules().stream().filter(m -> !reachable.contains(m)).toList();
        var assets = new ArrayList<String>();
        for (var e : project.sources()) {
            if (ASSET.matcher(e.path()).matches() && !ASSET_SKIP.matcher(e.path()).matches() && !reachable.contains(e.path())) assets.add(e.path());
        }
        var terms = new HashSet<String>();
        java.forEach(u -> terms.addAll(u.names()));
        scripts.forEach(s -> terms.addAll(names(s)));
        assets.forEach(a -> terms.addAll(names(a)));
        var mentions = new Mentions(project, terms);
        boolean javaGaps = model != null && (!model.complete() || model.issues().stream().anyMatch(i -> i.path().endsWith(".java")
                && (i.kind().equals("unparseable") || i.kind().equals("too-large") || i.kind().equals("too-deep"))));
        var findings = new ArrayList<Finding>();
        var unusedJava = new HashSet<String>();
        java.forEach(u -> unusedJava.add(u.file()));
        for (var u : java) findings.add(javaFinding(u, mentions, unusedJava, javaGaps));
        for (var s : scripts) findings.add(scriptFinding(s, graph, mentions, project));
        for (var a : assets) {
            var f = assetFinding(a, mentions);
            if (f != null) findings.add(f);
        }
        for (var f : findings) {
            if (f.confidence() == Confidence.HIGH) planner.remove(PatchPlanner.Stage.REMOVE_UNUSED, f.files(), f.id());
        }
        stats.put("javaFilesUnreached", java.size());
        stats.put("scriptModules", graph.modules().size());
        stats.put("scriptModulesUnreached", scripts.size());
        return new Result(findings, stats);
    }

    private Finding javaFinding(JavaReach.Unreached u, Mentions mentions, Set<String> unused, boolean gaps) {
        var confidence = Confidence.HIGH;
        var evidence = new StringBuilder("No entry point reaches " + String.join(", ", u.names()) + ": not a main class, managed component, "
                + "servlet, handler or test, not named in META-INF/services, spring.factories or web.xml");
        if (u.usedBy().isEmpty()) evidence.append(", and no project type refers to it.");
        else evidence.append("; only code that is itself unused refers to it (").append(String.join(", ", u.usedBy())).append(").");
        var elsewhere = new java.util.TreeSet<String>();
        for (var n : u.names()) for (var f : mentions.in(n, u.file())) if (!unused.contains(f)) elsewhere.add(f);
        if (!elsewhere.isEmpty()) {
            confidence = Confidence.MEDIUM;
            evidence.append(" Its name still appears in ").append(String.join(", ", elsewhere))
                    .append(": reflection or configuration may load it.");
        }
        if (gaps) {
            confidence = confidence.atMost(Confidence.MEDIUM);
            evidence.append(" Some Java files could not be parsed, so a reference may be missing.");
        }
        return kinds.finding("unused-java-class", u.file(), List.of(u.file()), evidence.toString(), confidence, "delete " + u.file());
    }

    private Finding scriptFinding(String file, ScriptGraph graph, Mentions mentions, Project project) {
        var confidence = Confidence.HIGH;
        String pkg = graph.packageOf(file);
        String manifest = pkg == null || pkg.isEmpty() ? "package.json" : pkg + "/package.json";
        var evidence = new StringBuilder("No entry of " + manifest + " (main, exports, bin, scripts, conventional index/main files, HTML "
                + "script tags, tool configuration, tests, framework routes) reaches it through imports or requires.");
        var elsewhere = new java.util.TreeSet<String>();
        String name = file.substring(file.lastIndexOf('/') + 1);
        elsewhere.addAll(mentions.in(name, file));
        String stem = stem(name);
        if (stem.length() >= 3 && !stem.equals("index")) {
            for (var f : mentions.in(stem, file)) if (!ScriptGraph.SOURCE.matcher(f).matches()) elsewhere.add(f);
        }
        if (!elsewhere.isEmpty()) {
            confidence = Confidence.MEDIUM;
            evidence.append(" Its name appears in ").append(String.join(", ", elsewhere)).append(", which may load it.");
        }
        if (graph.dynamic(pkg)) {
            confidence = confidence.atMost(Confidence.MEDIUM);
            evidence.append(" The package loads some modules by computed names, which a source reading cannot follow.");
        }
        if (project.junk(file) != null) confidence = Confidence.LOW;
        return kinds.finding("unused-js-module", file, List.of(file), evidence.toString(), confidence, "delete " + file);
    }

    private Finding assetFinding(String file, Mentions mentions) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        if (!mentions.in(name, file).isEmpty() || !mentions.in(stem(name), file).isEmpty()) return null;
        return kinds.finding("unused-asset", file, List.of(file), "Neither its file name (" + name + ") nor its stem appears in any "
                + "text file of the project, and no module imports it. A name built at run time would escape this check.",
                Confidence.MEDIUM, "delete " + file + " if nothing outside the repository links to it");
    }

    private static Set<String> names(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return Set.of(name, stem(name));
    }

    static String stem(String name) {
        int dot = name.indexOf('.');
        return dot <= 0 ? name : name.substring(0, dot);
    }
}
