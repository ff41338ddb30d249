package agent;

import com.google.adk.tools.Annotations.Schema;
import com.google.adk.tools.BaseTool;
import com.google.adk.tools.FunctionTool;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One ADK {@code FunctionTool} per operation of the upstream API (the HTTP endpoints found in the code). Operations that change data ask for
 * confirmation before they run ({@code requireConfirmation}).
 */
public final class ApiTools {
    public static final String DEFAULT_BASE_URL = "https://api.example.com";
    /** The tools' names, in the order the agent lists them. */
    public static final List<String> NAMES = List.of("listTodos", "createTodo", "deleteTodo", "getTodo", "updateTodo");
    private final Upstream upstream;

    public ApiTools(Upstream upstream) {
        this.upstream = upstream;
    }

    public List<BaseTool> all() {
        return List.of(
                FunctionTool.create(this, "listTodos", false),
                FunctionTool.create(this, "createTodo", true),
                FunctionTool.create(this, "deleteTodo", true),
                FunctionTool.create(this, "getTodo", false),
                FunctionTool.create(this, "updateTodo", true));
    }

    /** GET /todos: Lists todos. */
    @Schema(name = "listTodos", description = "Lists todos.")
    public Map<String, Object> listTodos() {
        var path = new LinkedHashMap<String, Object>();
        var query = new LinkedHashMap<String, Object>();
        return upstream.call("GET", "/todos", path, query, null);
    }

    /** POST /todos: Creates a todo. Changes data: confirm with the user first. */
    @Schema(name = "createTodo", description = "Creates a todo. Changes data: confirm with the user first.")
    public Map<String, Object> createTodo() {
        var path = new LinkedHashMap<String, Object>();
        var query = new LinkedHashMap<String, Object>();
        return upstream.call("POST", "/todos", path, query, null);
    }

    /** DELETE /todos/{id}: Deletes the todo identified by id. Deletes or replaces data: confirm with the user first. */
    @Schema(name = "deleteTodo", description = "Deletes the todo identified by id. Deletes or replaces data: confirm with the user first.")
    public Map<String, Object> deleteTodo(@Schema(name = "id", description = "Id (path parameter)") String id) {
        var path = new LinkedHashMap<String, Object>();
        var query = new LinkedHashMap<String, Object>();
        path.put("id", id);
        return upstream.call("DELETE", "/todos/{id}", path, query, null);
    }

    /** GET /todos/{id}: Gets one todo by id. */
    @Schema(name = "getTodo", description = "Gets one todo by id.")
    public Map<String, Object> getTodo(@Schema(name = "id", description = "Id (path parameter)") String id) {
        var path = new LinkedHashMap<String, Object>();
        var query = new LinkedHashMap<String, Object>();
        path.put("id", id);
        return upstream.call("GET", "/todos/{id}", path, query, null);
    }

    /** PATCH /todos/{id}: Updates the todo identified by id. Changes data: confirm with the user first. */
    @Schema(name = "updateTodo", description = "Updates the todo identified by id. Changes data: confirm with the user first.")
    public Map<String, Object> updateTodo(@Schema(name = "id", description = "Id (path parameter)") String id) {
        var path = new LinkedHashMap<String, Object>();
        var query = new LinkedHashMap<String, Object>();
        path.put("id", id);
        return upstream.call("PATCH", "/todos/{id}", path, query, null);
    }
}
