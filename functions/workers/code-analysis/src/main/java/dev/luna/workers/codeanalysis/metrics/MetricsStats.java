package dev.luna.workers.codeanalysis.metrics;

import dev.luna.codebase.metrics.Hotspot;
import dev.luna.codebase.metrics.LanguageTotals;
import dev.luna.codebase.metrics.ProjectMetrics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Project metrics as JSON-ready values (maps, lists, numbers, strings) for {@code AnalyzerResult.stats}. */
final class MetricsStats {
    private MetricsStats() {
    }

    static Map<String, Object> of(ProjectMetrics p) {
        var stats = new LinkedHashMap<String, Object>();
        stats.put("files", p.files().size());
        stats.put("codeLines", p.codeLines());
        stats.put("functions", p.totals().stream().mapToLong(LanguageTotals::functions).sum());
        stats.put("totals", p.totals().stream().map(MetricsStats::totals).toList());
        stats.put("hotspots", p.hotspots().stream().map(MetricsStats::hotspot).toList());
        stats.put("hotspotRanking", "complexity desc, then length in lines desc, then file and start line");
        return stats;
    }

    private static Map<String, Object> totals(LanguageTotals t) {
        var m = new LinkedHashMap<String, Object>();
        m.put("language", t.language());
        m.put("code", t.code());
        m.put("files", t.files());
        m.put("lines", t.lines());
        m.put("codeLines", t.codeLines());
        m.put("commentLines", t.commentLines());
        m.put("blankLines", t.blankLines());
        m.put("commentRatio", t.codeLines() + t.commentLines() == 0 ? 0.0
                : Math.round(t.commentLines() * 1000.0 / (t.codeLines() + t.commentLines())) / 1000.0);
        m.put("functions", t.functions());
        return m;
    }

    private static Map<String, Object> hotspot(Hotspot h) {
        var m = new LinkedHashMap<String, Object>();
        m.put("file", h.file());
        m.put("function", h.function());
        m.put("startLine", h.startLine());
        m.put("endLine", h.endLine());
        m.put("complexity", h.complexity());
        m.put("lines", h.lines());
        m.put("language", h.language());
        return m;
    }

}
