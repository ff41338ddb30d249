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
    public static final List<String> NAMES = List.of("listProducts", "createProduct", "deleteProduct", "getProduct", "updateProduct", "restock");
    private final Upstream upstream;

    public ApiTools(Upstream upstream) {
        this.upstream = upstream;
    }

    public List<BaseTool> all() {
        return List.of(
                FunctionTool.create(this, "listProducts", false),
                FunctionTool.create(this, "createProduct", true),
                FunctionTool.create(this, "deleteProduct", true),
                FunctionTool.create(this, "getProduct", false),
                FunctionTool.create(this, "updateProduct", true),
                FunctionTool.create(this, "restock", true));
    }

    /** GET /api/products: Lists the catalogue, optionally filtered by category. Lists the catalogue, optionally filtered by category. Returns list of product dto. */
    @Schema(name = "listProducts", description = "Lists the catalogue, optionally filtered by category. Lists the catalogue, optionally filtered by category. Returns list of product dto.")
    public Map<String, Object> listProducts(@Schema(name = "category", description = "Category (query parameter)", optional = true) String category,
            @Schema(name = "limit", description = "Limit (query parameter)", optional = true) Long limit) {
        var path = new LinkedHashMap<String, Object>();
        var query = new LinkedHashMap<String, Object>();
        query.put("category", category);
        query.put("limit", limit);
        return upstream.call("GET", "/api/products", path, query, null);
    }

    /** POST /api/products: Creates a product. Returns product dto. Changes data: confirm with the user first. */
    @Schema(name = "createProduct", description = "Creates a product. Returns product dto. Changes data: confirm with the user first.")
    public Map<String, Object> createProduct(@Schema(name = "name", description = "Name, a field of the request body") String name,
            @Schema(name = "category", description = "Category, a field of the request body", optional = true) String category,
            @Schema(name = "price", description = "Price, a field of the request body") Double price,
            @Schema(name = "kind", description = "Kind, a field of the request body; one of BOOKS, GAMES, TOOLS", optional = true) String kind) {
        var path = new LinkedHashMap<String, Object>();
        var query = new LinkedHashMap<String, Object>();
        return upstream.call("POST", "/api/products", path, query, Upstream.json("name", name, "category", category, "price", price, "kind", kind));
    }

    /** DELETE /api/products/{productId}: Deletes the product identified by product id. Deletes or replaces data: confirm with the user first. */
    @Schema(name = "deleteProduct", description = "Deletes the product identified by product id. Deletes or replaces data: confirm with the user first.")
    public Map<String, Object> deleteProduct(@Schema(name = "productId", description = "Product id (path parameter)") Long productId) {
        var path = new LinkedHashMap<String, Object>();
        var query = new LinkedHashMap<String, Object>();
        path.put("productId", productId);
        return upstream.call("DELETE", "/api/products/{productId}", path, query, null);
    }

    /** GET /api/products/{productId}: Gets one product by product id. Returns product dto. */
    @Schema(name = "getProduct", description = "Gets one product by product id. Returns product dto.")
    public Map<String, Object> getProduct(@Schema(name = "productId", description = "Product id (path parameter)") Long productId) {
        var path = new LinkedHashMap<String, Object>();
        var query = new LinkedHashMap<String, Object>();
        path.put("productId", productId);
        return upstream.call("GET", "/api/products/{productId}", path, query, null);
    }

    /** PUT /api/products/{productId}: Updates the product identified by product id. Returns product dto. Deletes or replaces data: confirm with the user first. */
    @Schema(name = "updateProduct", description = "Updates the product identified by product id. Returns product dto. Deletes or replaces data: confirm with the user first.")
    public Map<String, Object> updateProduct(@Schema(name = "productId", description = "Product id (path parameter)") Long productId,
            @Schema(name = "name", description = "Name, a field of the request body") String name,
            @Schema(name = "category", description = "Category, a field of the request body", optional = true) String category,
            @Schema(name = "price", description = "Price, a field of the request body") Double price,
            @Schema(name = "kind", description = "Kind, a field of the request body; one of BOOKS, GAMES, TOOLS", optional = true) String kind) {
        var path = new LinkedHashMap<String, Object>();
        var query = new LinkedHashMap<String, Object>();
        path.put("productId", productId);
        return upstream.call("PUT", "/api/products/{productId}", path, query, Upstream.json("name", name, "category", category, "price", price, "kind", kind));
    }

    /** POST /api/products/{productId}/restock: Runs restock on product. Optional filters: quantity. Returns product dto. Changes data: confirm with the user first. */
    @Schema(name = "restock", description = "Runs restock on product. Optional filters: quantity. Returns product dto. Changes data: confirm with the user first.")
    public Map<String, Object> restock(@Schema(name = "productId", description = "Product id (path parameter)") Long productId,
            @Schema(name = "quantity", description = "Quantity (query parameter)") Long quantity) {
        var path = new LinkedHashMap<String, Object>();
        var query = new LinkedHashMap<String, Object>();
        path.put("productId", productId);
        query.put("quantity", quantity);
        return upstream.call("POST", "/api/products/{productId}/restock", path, query, null);
    }
}
