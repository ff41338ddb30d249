package dev.luna.workers.codeanalysis.security;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The project-wide, flow-insensitive taint of each field: real-source taint any method stores into it. A field
 * that grows during a pass after some method read it asks for another pass ({@link #needsAnotherPass}).
 */
final class FieldStore {
    private final Map<String, Taints> taints = new HashMap<>();
    private final Set<String> readThisPass = new HashSet<>();
    private final Set<String> grownThisPass = new HashSet<>();

    private static String key(ClassInfo.FieldInfo f) {
        return f.owner().qualifiedName + "#" + f.name();
    }

    Taints read(ClassInfo.FieldInfo f) {
        String k = key(f);
        readThisPass.add(k);
        return taints.getOrDefault(k, Taints.EMPTY);
    }

    void write(ClassInfo.FieldInfo f, Taints t) {
        Taints real = Taints.EMPTY;
        for (Taint x : t) if (x.origin() instanceof Origin.Source) real = real.plus(x);
        if (real.isEmpty()) return;
        String k = key(f);
        Taints old = taints.getOrDefault(k, Taints.EMPTY);
        Taints now = old.union(real);
        if (now.size() != old.size()) {
            taints.put(k, now);
            grownThisPass.add(k);
        }
    }

    void startPass() {
        readThisPass.clear();
        grownThisPass.clear();
    }

    boolean needsAnotherPass() {
        for (String k : grownThisPass) if (readThisPass.contains(k)) return true;
        return false;
    }

    int size() {
        return taints.size();
    }
}
