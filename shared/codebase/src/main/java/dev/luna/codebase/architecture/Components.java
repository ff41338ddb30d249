package dev.luna.codebase.architecture;

import dev.luna.codebase.ProjectModel;
import dev.luna.codebase.java.TypeSymbol;
import dev.luna.codebase.lang.SourceFile;
import dev.luna.codebase.manifest.Module;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Groups the program files into components (Java packages, other languages' directories) inside containers (build modules). */
final class Components {
    final List<Module> containers;
    final List<Component> components;
    /** Program file → component id. */
    final Map<String, String> byFile;
    /** Java type FQN (nested ones too) → the file that declares it. */
    final Map<String, String> typeFiles = new HashMap<>();

    Components(ProjectModel model, LayerRules layers) {
        containers = containers(model);
        var packages = new HashMap<String, String>();
        var typesByPackage = new TreeMap<String, List<TypeSymbol>>();
        for (var t : model.java().types()) {
            typeFiles.put(t.fqn(), t.file());
            if (!t.name().contains(".")) packages.putIfAbsent(t.file(), t.packageName().isEmpty() ? "(default)" : t.packageName());
        }
        var files = new TreeMap<String, List<SourceFile>>();
        var fileToComponent = new TreeMap<String, String>();
        for (var f : model.files()) {
            if (!SourceScope.program(f)) continue;
            String id = f.path().endsWith(".java") ? packages.get(f.path()) : directory(f.path());
            if (id == null) continue;
            files.computeIfAbsent(id, k -> new ArrayList<>()).add(f);
            fileToComponent.put(f.path(), id);
        }
        for (var t : model.java().types()) {
            String id = fileToComponent.get(t.file());
            if (id != null) typesByPackage.computeIfAbsent(id, k -> new ArrayList<>()).add(t);
        }
        byFile = fileToComponent;
        var names = new DisplayNames(files.keySet());
        var out = new ArrayList<Component>();
        for (var e : files.entrySet()) {
            var types = typesByPackage.getOrDefault(e.getKey(), List.of());
            long lines = e.getValue().stream().mapToLong(SourceFile::lines).sum();
            int abstracts = (int) types.stream().filter(t -> t.kind().equals("interface") || t.modifiers().contains("abstract")).count();
            out.add(new Component(e.getKey(), names.of(e.getKey()), dominant(e.getValue()), container(e.getValue().getFirst().path()),
                    layers.ofComponent(e.getKey(), types), e.getValue().stream().map(SourceFile::path).toList(), lines, types.size(), abstracts));
        }
        components = List.copyOf(out);
    }

    private static List<Module> containers(ProjectModel model) {
        var byRoot = new TreeMap<String, Module>();
        for (var m : model.modules()) byRoot.putIfAbsent(m.root(), m);
        return List.copyOf(byRoot.values());
    }

    /** The root of the deepest build module holding {@code path}, "" when none. */
    private String container(String path) {
        String best = "";
        for (var m : containers) {
            if ((m.root().isEmpty() || path.startsWith(m.root() + "/")) && m.root().length() >= best.length()) best = m.root();
        }
        return best;
    }

    private static String directory(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "." : path.substring(0, slash);
    }

    private static String dominant(List<SourceFile> files) {
        var counts = new TreeMap<String, Integer>();
        for (var f : files) counts.merge(f.language(), 1, Integer::sum);
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("");
    }

    /** Short names: Java packages without the prefix they all share; directories as they are. */
    private static final class DisplayNames {
        private final String prefix;

        DisplayNames(Iterable<String> ids) {
            String common = null;
            int packages = 0;
            for (var id : ids) {
                if (id.contains("/") || !id.contains(".") || id.equals(".") || id.equals("(default)")) continue;
                packages++;
                common = common == null ? id : shared(common, id);
            }
            this.prefix = common == null || packages < 2 ? "" : common;
        }

        String of(String id) {
            if (prefix.isEmpty() || id.contains("/") || id.equals(".")) return id;
            if (id.equals(prefix)) return prefix.substring(prefix.lastIndexOf('.') + 1);
            return id.startsWith(prefix + ".") ? id.substring(prefix.length() + 1) : id;
        }

        private static String shared(String a, String b) {
            var x = a.split("\\.");
            var y = b.split("\\.");
            var sb = new StringBuilder();
            for (int i = 0; i < Math.min(x.length, y.length) && x[i].equals(y[i]); i++) sb.append(i == 0 ? "" : ".").append(x[i]);
            return sb.toString();
        }
    }
}
