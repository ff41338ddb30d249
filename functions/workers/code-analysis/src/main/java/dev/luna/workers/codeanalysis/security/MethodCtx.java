package dev.luna.workers.codeanalysis.security;

import com.github.javaparser.ast.Node;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The context of analysing one method body: where it is, what it has found so far, loop frames, budget. */
final class MethodCtx {
    final Analysis an;
    final SourceFile file;
    final ClassInfo cls;
    final Node method;
    final boolean isStatic;
    final int depth;
    final Summary summary = new Summary();
    final Map<String, String> declaredTypes = new HashMap<>();
    final Deque<Frame> frames = new ArrayDeque<>();
    final Map<String, Integer> paramIndex = new HashMap<>();
    int budget;
    int exprDepth;
    /** Inside a lambda body analysed at a library call: its returns join here instead of the method's summary. */
    Val lambdaResult;
    int lambdaDepth;
    private int nextObj;

    MethodCtx(Analysis an, SourceFile file, ClassInfo cls, Node method, boolean isStatic, int depth, int budget) {
        this.an = an;
        this.file = file;
        this.cls = cls;
        this.method = method;
        this.isStatic = isStatic;
        this.depth = depth;
        this.budget = budget;
    }

    int newObj(State st, HeapObj obj) {
        int id = nextObj++;
        st.heap.put(id, obj);
        return id;
    }

    /** Counts one unit of work; false once the method's budget is spent (the rest is skipped). */
    boolean spend() {
        return --budget > 0;
    }

    /** A loop, switch or labelled block that break/continue/yield statements leave. */
    static final class Frame {
        final String label;
        final boolean loop;
        final List<State> breaks = new ArrayList<>();
        final List<State> continues = new ArrayList<>();
        Val yielded;

        Frame(String label, boolean loop) {
            this.label = label;
            this.loop = loop;
        }
    }
}
