package dev.luna.workers.codeanalysis;

import dev.luna.core.Json;
import dev.luna.tasks.TaskFailedException;
import dev.luna.tasks.TaskStatus;
import dev.luna.workers.kit.TaskRun;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * The fingerprints of an earlier code-analysis task of the same project ({@code options.baselineTaskId}), read from its
 * {@code findings.sarif} ({@code partialFingerprints["lunaFingerprint/v1"]} of every result): what this run does not
 * report again. A baseline that is not a succeeded code-analysis task of the project fails the task (not retried).
 */
final class Baseline {
    private Baseline() {
    }

    static Set<String> fingerprints(TaskRun run, String taskId) {
        var task = run.projectTask(taskId).orElseThrow(() -> new TaskFailedException(
                "options.baselineTaskId: no task " + taskId + " in this project", false));
        if (!CodeAnalysisWorker.TYPE.equals(task.type()) || task.status() != TaskStatus.SUCCEEDED) {
            throw new TaskFailedException("options.baselineTaskId: task " + taskId + " is a " + task.status().wire() + " " + task.type()
                    + " task; a baseline must be a succeeded code-analysis task", false);
        }
        byte[] sarif = run.artifactOf(task, CodeAnalysis.SARIF).orElseThrow(() -> new TaskFailedException(
                "options.baselineTaskId: task " + taskId + " has no " + CodeAnalysis.SARIF, false));
        var out = new HashSet<String>();
        var log = Json.tree(new String(sarif, StandardCharsets.UTF_8));
        for (var r : log.path("runs")) {
            for (var result : r.path("results")) {
                var fp = result.path("partialFingerprints").path("lunaFingerprint/v1");
                if (fp.isString()) out.add(fp.asString());
            }
        }
        return out;
    }
}
