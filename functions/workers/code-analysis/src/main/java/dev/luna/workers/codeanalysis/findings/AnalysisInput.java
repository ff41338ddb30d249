package dev.luna.workers.codeanalysis.findings;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * What an analyzer reads.
 *
 * @param root  the checked-out project (a directory; nothing in it is executed)
 * @param files the text files to analyse, relative to root, '/' separated, sorted; binary, ignored and oversized
 *              files are already left out
 * @param stop  true once the task is out of time or cancelled: an analyzer checks it between files and returns what
 *              it has so far, with {@link AnalyzerResult#complete} false
 */
public record AnalysisInput(Path root, List<String> files, BooleanSupplier stop) {
    public AnalysisInput {
        files = List.copyOf(files);
        stop = stop == null ? () -> false : stop;
    }
}
