package agent;

import com.google.adk.tools.Annotations.Schema;
import com.google.adk.tools.BaseTool;
import com.google.adk.tools.FunctionTool;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One ADK {@code FunctionTool} per operation of the upstream API (the OpenAPI document swagger.yaml). Operations that change data ask for
 * confirmation before they run ({@code requireConfirmation}).
 */
public final class ApiTools {
    public static final String DEFAULT_BASE_URL = "https://api.example.com";
    /** The tools' names, in the order the agent lists them. */
    public static final List<String> NAMES = List.of("listPets", "createPets", "deletePet", "showPetById");
    private final Upstream upstream;

    public ApiTools(Upstream upstream) {
        this.upstream = upstream;
    }

    public List<BaseTool> all() {
        return List.of(
                FunctionTool.create(this, "listPets", false),
                FunctionTool.create(this, "createPets", true),
                FunctionTool.create(this, "deletePet", true),
                FunctionTool.create(this, "showPetById", false));
    }

    /** GET /v1/pets: List all pets. Returns list of pet. */
    @Schema(name = "listPets", description = "List all pets. Returns list of pet.")
    public Map<String, Object> listPets(@Schema(name = "limit", description = "How many items to return at one time (max 100)", optional = true) Long limit) {
        var path = new LinkedHashMap<String, Object>();
        var query = new LinkedHashMap<String, Object>();
        query.put("limit", limit);
        return upstream.call("GET", "/v1/pets", path, query, null);
    }

    /** POST /v1/pets: Create a pet. Changes data: confirm with the user first. */
    @Schema(name = "createPets", description = "Create a pet. Changes data: confirm with the user first.")
    public Map<String, Object> createPets(@Schema(name = "name", description = "The pet's name") String name,
            @Schema(name = "tag", description = "Tag, a field of the request body; one of dog, cat, bird", optional = true) String tag) {
        var path = new LinkedHashMap<String, Object>();
        var query = new LinkedHashMap<String, Object>();
        return upstream.call("POST", "/v1/pets", path, query, Upstream.json("name", name, "tag", tag));
    }

    /** DELETE /v1/pets/{petId}: Delete a pet. Deletes or replaces data: confirm with the user first. */
    @Schema(name = "deletePet", description = "Delete a pet. Deletes or replaces data: confirm with the user first.")
    public Map<String, Object> deletePet(@Schema(name = "petId", description = "Pet id (path parameter)") String petId) {
        var path = new LinkedHashMap<String, Object>();
        var query = new LinkedHashMap<String, Object>();
        path.put("petId", petId);
        return upstream.call("DELETE", "/v1/pets/{petId}", path, query, null);
    }

    /** GET /v1/pets/{petId}: Info for a specific pet. Returns pet. */
    @Schema(name = "showPetById", description = "Info for a specific pet. Returns pet.")
    public Map<String, Object> showPetById(@Schema(name = "petId", description = "The id of the pet to retrieve") String petId) {
        var path = new LinkedHashMap<String, Object>();
        var query = new LinkedHashMap<String, Object>();
        path.put("petId", petId);
        return upstream.call("GET", "/v1/pets/{petId}", path, query, null);
    }
}
