package dev.luna.bench;

import dev.luna.bench.RagCorpus.Query;
import dev.luna.rag.CachingEmbedder;
import dev.luna.rag.Chunk;
import dev.luna.rag.LuceneStore;
import dev.luna.rag.OnnxEmbedder;
import dev.luna.rag.Retriever;
import dev.luna.rag.VectorStore;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * Query latency at scale: the corpus replicated under distinct paths until one index holds N chunks, then p50/p95 per
 * retrieval mode, with a fresh query embedding and with it cached, wall-clock and the query thread's CPU time.
 */
final class RagScaleLatency {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private RagScaleLatency() {
    }

    static void scale(LuceneStore store, List<VectorStore.Entry> base, int target, List<Query> queries) {
        long t0 = System.nanoTime();
        int copies = 0;
        long count = 0;
        var batch = new ArrayList<VectorStore.Entry>();
        var paths = new ArrayList<String>();
        while (count < target) {
            for (var e : base) {
                if (count >= target) break;
                var c = e.chunk();
                String path = "copy" + copies + "/" + c.path();
                var moved = new Chunk(c.id() + "-" + copies, path, c.language(), c.symbol(), c.kind(), c.startLine(), c.endLine(), c.content(),
                        c.contentHash(), c.tokenCount());
                batch.add(new VectorStore.Entry(moved, e.vector(), e.fileHash()));
                count++;
                if (batch.size() == 20_000) {
                    store.apply("scale", List.of(), batch, List.of());
                    batch = new ArrayList<>();
                }
            }
            copies++;
        }
        if (!batch.isEmpty()) store.apply("scale", List.of(), batch, List.of());
        System.out.printf("latency at scale: %d chunks in one index (corpus replicated %d times under distinct paths; built in %.1f s)%n",
                store.count("scale"), copies, (System.nanoTime() - t0) / 1e9);
        var fresh = new CachingEmbedder(new OnnxEmbedder(), null, 100_000);
        var retriever = new Retriever(store, fresh);
        int n = Math.min(300, queries.size());
        // warm-up (JIT, searcher)
        for (int i = 0; i < 30; i++) retriever.search("scale", "warm up query " + i, 10, Retriever.Mode.HYBRID, VectorStore.Filter.NONE);
        int rounds = 3;
        System.out.printf("  (%d queries per mode; the cached runs are repeated %d times, p50/p95 of each round shown; wall-clock, then the"
                + " query thread's CPU time, which other processes on a shared machine do not inflate)%n", n, rounds);
        for (var mode : List.of(Retriever.Mode.HYBRID, Retriever.Mode.VECTOR, Retriever.Mode.KEYWORD)) {
            var cold = new Percentiles(n);
            for (int i = 0; i < n; i++) {
                String q = queries.get(i).text() + (mode == Retriever.Mode.KEYWORD ? "" : " " + mode.name().toLowerCase());
                long s = System.nanoTime();
                retriever.search("scale", q, 10, mode, VectorStore.Filter.NONE);
                cold.add(System.nanoTime() - s);
            }
            var warm = new StringBuilder();
            var cpu = new StringBuilder();
            for (int round = 0; round < rounds; round++) {
                var p = new Percentiles(n);
                var c = new Percentiles(n);
                for (int i = 0; i < n; i++) {
                    String q = queries.get(i).text() + (mode == Retriever.Mode.KEYWORD ? "" : " " + mode.name().toLowerCase());
                    long c0 = THREADS.getCurrentThreadCpuTime();
                    long s = System.nanoTime();
                    retriever.search("scale", q, 10, mode, VectorStore.Filter.NONE);
                    p.add(System.nanoTime() - s);
                    c.add(THREADS.getCurrentThreadCpuTime() - c0);
                }
                warm.append(String.format("%s p50 %.2f ms  p95 %.2f ms", round == 0 ? "" : " |", p.p(0.50), p.p(0.95)));
                cpu.append(String.format("%s p50 %.2f ms  p95 %.2f ms", round == 0 ? "" : " |", c.p(0.50), c.p(0.95)));
            }
            String name = mode.name().toLowerCase();
            if (mode == Retriever.Mode.KEYWORD) {
                System.out.printf("  %-7s (no embedding):            %s%n", name, warm);
            } else {
                System.out.printf("  %-7s incl. query embedding:     p50 %.2f ms  p95 %.2f ms%n", name, cold.p(0.50), cold.p(0.95));
                System.out.printf("  %-7s retrieval alone (cached): %s%n", name, warm);
            }
            System.out.printf("  %-7s   the same, CPU time:       %s%n", "", cpu);
        }
    }
}
