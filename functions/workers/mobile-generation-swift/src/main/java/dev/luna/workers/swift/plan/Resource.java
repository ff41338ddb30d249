package dev.luna.workers.swift.plan;

/**
 * A group of endpoints that gets screens: a list (when the API lists it), a detail, a create/edit form (when it
 * creates or updates it) or, without a list, a lookup screen that asks for the get endpoint's parameters.
 *
 * @param name         singular type-style name, e.g. {@code Pet}
 * @param title        the plural title on screens, e.g. {@code Pets}
 * @param symbol       an SF Symbol for the sidebar
 * @param model        the element model, or null (shown as JSON)
 * @param list         GET on the collection, or null
 * @param get          GET of one, or null
 * @param create       POST on the collection, or null
 * @param update       PUT/PATCH of one, or null
 * @param delete       DELETE of one, or null
 * @param emptyTitle   the empty state's title
 * @param emptyMessage the empty state's message
 */
public record Resource(String name, String title, String symbol, Model model, Endpoint list, Endpoint get, Endpoint create, Endpoint update,
                       Endpoint delete, String emptyTitle, String emptyMessage) {

    public String elementType() {
        return model == null ? "JSONValue" : model.name();
    }

    public Resource withCopy(String newEmptyTitle, String newEmptyMessage) {
        return new Resource(name, title, symbol, model, list, get, create, update, delete, newEmptyTitle, newEmptyMessage);
    }
}
