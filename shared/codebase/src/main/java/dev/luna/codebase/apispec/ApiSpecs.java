package dev.luna.codebase.apispec;

import dev.luna.codebase.ProjectModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Finds a project's API: the OpenAPI/Swagger document in the source with the most operations (outside test folders
 * first; any path; Swagger 2.0 is converted to OpenAPI 3), else the endpoints extracted from the code (Spring, JAX-RS,
 * Express, Fastify, NestJS, Next.js, FastAPI, Flask) with their DTO shapes as schemas. Reads files, never runs them.
 *
 * <pre>{@code
 * ProjectModel model = new Codebase().analyse(root, files, stop);
 * ApiSpec api = ApiSpecs.find(model, root);
 * if (api.empty()) ...; else for (ApiOperation op : api.operations()) ...
 * }</pre>
 */
public final class ApiSpecs {
    /** Documents larger than this are not read. */
    public static final long MAX_DOCUMENT_BYTES = 5_000_000;
    private static final Pattern MARKER = Pattern.compile("[\"']?(openapi|swagger)[\"']?\\s*:\\s*[\"']?[23]\\.");

    private ApiSpecs() {
    }

    /** The API of the project analysed into {@code model} from the files under {@code root}. */
    public static ApiSpec find(ProjectModel model, Path root) {
        var documents = new ArrayList<ApiSpec>();
        var notes = new ArrayList<String>();
        for (var file : model.files()) {
            String lower = file.path().toLowerCase(Locale.ROOT);
            if (!(lower.endsWith(".json") || lower.endsWith(".yaml") || lower.endsWith(".yml")) || file.bytes() > MAX_DOCUMENT_BYTES) continue;
            if (lower.contains("node_modules/") || lower.endsWith("package.json") || lower.endsWith("package-lock.json")) continue;
            String text = read(root, file.path());
            if (text == null || !MARKER.matcher(text.substring(0, Math.min(text.length(), 4000))).find()) continue;
            try {
                var spec = DocumentApi.read(file.path(), text);
                if (spec != null) documents.add(spec);
                else notes.add(file.path() + ": looks like an OpenAPI document but has no paths");
            } catch (RuntimeException e) {
                notes.add(file.path() + ": could not be read as OpenAPI (" + e.getClass().getSimpleName() + ")");
            }
        }
        documents.sort(Comparator.comparing((ApiSpec s) -> testPath(s.document())).thenComparing(s -> -s.operations().size())
                .thenComparing(ApiSpec::document));
        String title = title(model);
        if (!documents.isEmpty()) {
            var best = documents.getFirst();
            var allNotes = new ArrayList<>(best.notes());
            for (var other : documents.subList(1, documents.size())) allNotes.add("also found " + other.document() + " (" + other.operations().size() + " operations); used " + best.document());
            allNotes.addAll(notes);
            return new ApiSpec(best.source(), best.document(), best.title().isEmpty() ? title : best.title(), best.version(), best.description(),
                    best.operations(), best.schemas(), allNotes);
        }
        var code = CodeApi.of(model, root, title);
        var allNotes = new ArrayList<>(notes);
        allNotes.addAll(code.notes());
        return new ApiSpec(code.source(), null, code.title(), code.version(), code.description(), code.operations(), code.schemas(), allNotes);
    }

    /** GET, HEAD and OPTIONS do not change data. */
    public static boolean readOnly(String method) {
        return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
    }

    /** DELETE removes data; PUT and PATCH overwrite it. */
    public static boolean destructive(String method) {
        return method.equals("DELETE") || method.equals("PUT") || method.equals("PATCH");
    }

    /**
     * Whether an operation's id was made from its method and path ({@code getOwnersByOwnerId}, numbered on a clash)
     * because neither a document nor a named handler gave one; generators with their own naming may prefer theirs.
     */
    public static boolean pathDerivedId(ApiOperation op) {
        String derived = OperationIds.fromPath(op.method(), op.path());
        return op.operationId().equals(derived) || op.operationId().startsWith(derived) && op.operationId().substring(derived.length()).matches("\\d+");
    }

    private static boolean testPath(String path) {
        String p = "/" + path.toLowerCase(Locale.ROOT);
        return p.contains("/test/") || p.contains("/tests/") || p.contains("/__tests__/") || p.contains("/fixtures/") || p.contains("/examples/");
    }

    /** The root module's name, else the first module's, else "API". */
    private static String title(ProjectModel model) {
        for (var m : model.modules()) if (m.root().isEmpty() && !m.name().isEmpty()) return m.name();
        return model.modules().isEmpty() ? "API" : model.modules().getFirst().name();
    }

    private static String read(Path root, String file) {
        try {
            var path = root.resolve(file);
            return Files.isRegularFile(path) ? new String(Files.readAllBytes(path), StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            return null;
        }
    }

}
