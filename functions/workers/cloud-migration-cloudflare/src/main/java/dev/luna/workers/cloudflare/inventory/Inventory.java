package dev.luna.workers.cloudflare.inventory;

import java.util.List;

/**
 * Everything the migration is planned from, sorted.
 *
 * @param routes    HTTP routes (code and API-gateway templates), sorted by path, method
 * @param items     every other finding with its verdict, sorted by category, name, file, line
 * @param tables    D1 tables translated from SQL, ORM entities and DynamoDB tables, sorted by name
 * @param resources infrastructure declared in templates, sorted by kind, name
 * @param skipped   files that could not be read and why
 */
public record Inventory(List<Route> routes, List<Item> items, List<Table> tables, List<Resource> resources, List<String> skipped) {
    public Inventory {
        routes = List.copyOf(routes);
        items = List.copyOf(items);
        tables = List.copyOf(tables);
        resources = List.copyOf(resources);
        skipped = List.copyOf(skipped);
    }

    /** Whether a backend was found at all: routes, functions, datastores or queues. */
    public boolean backendFound() {
        return !routes.isEmpty() || !tables.isEmpty() || !resources.isEmpty()
                || items.stream().anyMatch(i -> !i.category().equals("runtime") && !i.category().equals("env") && !i.category().equals("secret"));
    }

    public List<Item> items(String category) {
        return items.stream().filter(i -> i.category().equals(category)).toList();
    }

    public List<Resource> resources(String kind) {
        return resources.stream().filter(r -> r.kind().equals(kind)).toList();
    }
}
