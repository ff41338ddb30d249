package dev.luna.functions.tasks;

import dev.luna.core.LunaException;
import dev.luna.core.ValidationException;
import dev.luna.http.ApiResult;
import dev.luna.tasks.Artifact;
import dev.luna.tasks.Task;
import dev.luna.tasks.store.TaskObjects;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A task's artifacts: the list (name, content type, size, SHA-256 and the link that downloads each) and one artifact's
 * bytes — served by the function with its content type in the local runtime, a 302 to a presigned S3 URL (valid
 * {@link #LINK_TTL}) in AWS, so large files never pass through Lambda. The caller's access to the task was checked
 * before; an artifact the task did not write is a 404.
 */
final class TaskArtifacts {
    static final Duration LINK_TTL = Duration.ofMinutes(5);
    /** The names {@code TaskContext#writeArtifact} accepts. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,199}");
    private final TaskObjects objects;

    TaskArtifacts(TaskObjects objects) {
        this.objects = objects;
    }

    /** An artifact as the API lists it. */
    record ArtifactView(String name, String contentType, long bytes, String sha256, String href) {
    }

    List<ArtifactView> list(Task task) {
        return task.artifacts().stream().sorted(java.util.Comparator.comparing(Artifact::name))
                .map(a -> new ArtifactView(a.name(), a.contentType(), a.bytes(), a.sha256(), Artifact.href(task.id(), a.name()))).toList();
    }

    ApiResult download(Task task, String name) {
        if (name == null || !NAME.matcher(name).matches() || name.contains("..")) {
            throw new ValidationException("name", "must be an artifact name: 1-200 letters, digits, '.', '_', '/' or '-'");
        }
        var artifact = task.artifacts().stream().filter(a -> a.name().equals(name)).findFirst()
                .orElseThrow(() -> LunaException.notFound("Artifact", name));
        String fileName = name.substring(name.lastIndexOf('/') + 1);
        if (!objects.servesDownloads()) return ApiResult.redirect(objects.presign(artifact.key(), LINK_TTL, fileName).toString());
        var stored = objects.read(artifact.key()).orElseThrow(() -> LunaException.notFound("Artifact", name));
        String type = artifact.contentType() != null ? artifact.contentType() : stored.contentType();
        return ApiResult.binary(200, type, stored.content())
                .header("Content-Disposition", "attachment; filename=\"" + fileName.replaceAll("[\"\\\\\r\n]", "_") + "\"")
                .header("ETag", "\"" + (artifact.sha256() == null ? "" : artifact.sha256()) + "\"");
    }
}
