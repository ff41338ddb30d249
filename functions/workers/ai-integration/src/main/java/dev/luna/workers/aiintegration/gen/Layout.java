package dev.luna.workers.aiintegration.gen;

import dev.luna.codebase.ProjectModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where the integration's files go in the analysed project, so they sit beside its own code and clash with nothing.
 *
 * @param codeDir      the folder of the client and features (Java: {@code <source root>/<package path>})
 * @param testDir      the folder of the generated test
 * @param resourcesDir the folder of {@code prompts/} and {@code schemas/}
 * @param runtimeResources the resources folder as the client looks for it at run time (relative to the working
 *                     directory; Java finds them on the classpath first)
 * @param javaPackage  Java: the new package; else null
 * @param pyPackage    Python: the new package's name; else null
 * @param importExt    TypeScript: {@code .js} in ES-module packages (relative imports need it), else empty
 * @param moduleRoot   the folder of the build or package file the code belongs to ({@code ""} for the root)
 */
public record Layout(String codeDir, String testDir, String resourcesDir, String runtimeResources, String javaPackage, String pyPackage,
                     String importExt, String moduleRoot) {
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern ESM = Pattern.compile("\"type\"\\s*:\\s*\"module\"");

    public static Layout of(String language, ProjectModel model, Path root) {
        var taken = new HashSet<String>();
        model.files().forEach(f -> taken.add(f.path()));
        return switch (language) {
            case "java" -> java(model, root, taken);
            case "typescript" -> typescript(model, root, taken);
            default -> python(taken);
        };
    }

    private static Layout java(ProjectModel model, Path root, Set<String> taken) {
        var files = new ArrayList<String>();
        model.endpoints().stream().filter(e -> e.file().endsWith(".java")).map(e -> e.file()).distinct().forEach(files::add);
        if (files.isEmpty()) {
            model.files().stream().filter(f -> f.path().endsWith(".java") && !f.path().contains("/test/")).limit(500).forEach(f -> files.add(f.path()));
        }
        // source root → the packages declared under it; the root with most files wins, its packages' common prefix is the base
        var packages = new java.util.TreeMap<String, List<String>>();
        for (String file : files) {
            String pkg = packageOf(root.resolve(file));
            if (pkg == null) continue;
            String dir = file.contains("/") ? file.substring(0, file.lastIndexOf('/')) : "";
            String pkgPath = pkg.replace('.', '/');
            if (!dir.equals(pkgPath) && !dir.endsWith("/" + pkgPath)) continue;
            packages.computeIfAbsent(dir.substring(0, dir.length() - pkgPath.length()).replaceAll("/$", ""), k -> new ArrayList<>()).add(pkg);
        }
        String sourceRoot = "src/main/java";
        String base = null;
        int most = 0;
        for (var e : packages.entrySet()) {
            if (e.getValue().size() > most) {
                most = e.getValue().size();
                sourceRoot = e.getKey();
                base = commonPrefix(e.getValue());
            }
        }
        if (base == null) base = "app";
        String pkg = base + ".ai";
        String prefix = sourceRoot.isEmpty() ? "" : sourceRoot + "/";
        if (existsUnder(taken, prefix + pkg.replace('.', '/') + "/")) pkg = base + ".lunaai";
        String moduleRoot = sourceRoot.endsWith("src/main/java") ? sourceRoot.substring(0, sourceRoot.length() - "src/main/java".length()) : "";
        String testRoot = sourceRoot.endsWith("main/java") ? sourceRoot.substring(0, sourceRoot.length() - "main/java".length()) + "test/java"
                : sourceRoot.equals("src") ? "test" : moduleRoot + "src/test/java";
        String resources = sourceRoot.endsWith("main/java") ? moduleRoot + "src/main/resources/luna-ai" : "luna-ai";
        String runtime = sourceRoot.endsWith("main/java") ? "src/main/resources/luna-ai" : "luna-ai";
        String path = pkg.replace('.', '/');
        return new Layout(prefix + path, testRoot + "/" + path, resources, runtime, pkg, null, "", moduleRoot.replaceAll("/$", ""));
    }

    private static Layout typescript(ProjectModel model, Path root, Set<String> taken) {
        String pkgRoot = "";
        var manifests = model.manifests().stream().filter(m -> m.path().endsWith("package.json")).map(m -> m.path()).sorted().toList();
        var endpointFiles = model.endpoints().stream().map(e -> e.file()).sorted().toList();
        for (String m : manifests) {
            String dir = m.contains("/") ? m.substring(0, m.lastIndexOf('/')) : "";
            if (dir.isEmpty() || endpointFiles.stream().anyMatch(f -> f.startsWith(dir + "/"))) {
                pkgRoot = dir;
                if (!dir.isEmpty()) break;
            }
        }
        String prefix = pkgRoot.isEmpty() ? "" : pkgRoot + "/";
        boolean src = taken.stream().anyMatch(f -> f.startsWith(prefix + "src/") && f.matches(".*\\.(ts|tsx|js|mjs|cjs)$"));
        String dirName = existsUnder(taken, prefix + (src ? "src/" : "") + "lunaAi/") ? "lunaAiIntegration" : "lunaAi";
        String code = prefix + (src ? "src/" : "") + dirName;
        String resourcesName = existsUnder(taken, prefix + "luna-ai/") ? "luna-ai-integration" : "luna-ai";
        String ext = "";
        try {
            Path pkgJson = root.resolve(prefix + "package.json");
            if (Files.isRegularFile(pkgJson) && ESM.matcher(Files.readString(pkgJson)).find()) ext = ".js";
        } catch (IOException | RuntimeException e) {
            ext = "";
        }
        return new Layout(code, code, prefix + resourcesName, resourcesName, null, null, ext, pkgRoot);
    }

    private static Layout python(Set<String> taken) {
        String name = existsUnder(taken, "luna_ai/") ? "luna_ai_integration" : "luna_ai";
        return new Layout(name, name, name, name, null, name, "", "");
    }

    private static String commonPrefix(List<String> packages) {
        String[] first = packages.get(0).split("\\.");
        int n = first.length;
        for (String p : packages) {
            String[] parts = p.split("\\.");
            int i = 0;
            while (i < Math.min(n, parts.length) && parts[i].equals(first[i])) i++;
            n = i;
        }
        return n == 0 ? null : String.join(".", java.util.Arrays.copyOf(first, n));
    }

    private static boolean existsUnder(Set<String> taken, String dir) {
        for (String f : taken) if (f.startsWith(dir)) return true;
        return false;
    }

    private static String packageOf(Path file) {
        try {
            if (Files.size(file) > 1_000_000) return null;
            String text = Files.readString(file);
            var m = PACKAGE.matcher(text.length() > 20_000 ? text.substring(0, 20_000) : text);
            return m.find() ? m.group(1) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The files a language's integration consists of: template → path in the project. */
    public List<String[]> files(String language, List<String> kinds) {
        var out = new ArrayList<String[]>();
        switch (language) {
            case "java" -> {
                out.add(new String[] {"java/LunaAiClient.java", codeDir + "/LunaAiClient.java"});
                out.add(new String[] {"java/LunaJson.java", codeDir + "/LunaJson.java"});
                out.add(new String[] {"java/AiFeatures.java", codeDir + "/AiFeatures.java"});
                out.add(new String[] {"java/LunaAiClientTest.java", testDir + "/LunaAiClientTest.java"});
            }
            case "typescript" -> {
                out.add(new String[] {"typescript/lunaAiClient.ts", codeDir + "/lunaAiClient.ts"});
                out.add(new String[] {"typescript/aiFeatures.ts", codeDir + "/aiFeatures.ts"});
                out.add(new String[] {"typescript/lunaAiClient.test.ts", testDir + "/lunaAiClient.test.ts"});
            }
            default -> {
                out.add(new String[] {"python/init.py", codeDir + "/__init__.py"});
                out.add(new String[] {"python/client.py", codeDir + "/client.py"});
                out.add(new String[] {"python/features.py", codeDir + "/features.py"});
                out.add(new String[] {"python/test_luna_ai.py", testDir + "/test_luna_ai.py"});
            }
        }
        for (String kind : kinds) {
            out.add(new String[] {"prompts/" + kind + ".txt", resourcesDir + "/prompts/" + kind + ".txt"});
            out.add(new String[] {"schemas/" + kind + ".schema.json", resourcesDir + "/schemas/" + kind + ".schema.json"});
        }
        return out;
    }
}
