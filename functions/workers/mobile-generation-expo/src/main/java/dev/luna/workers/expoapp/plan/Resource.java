package dev.luna.workers.expoapp.plan;

import java.util.List;

/**
 * One API resource shown as screens: a list, a detail, and a create/edit form when the API allows it.
 *
 * @param key        route folder and query key (kebab-case, unique)
 * @param title      "Products"
 * @param singular   "Product"
 * @param description one line of copy for the empty state
 * @param idField    the entity property holding its id
 * @param titleField the entity property shown as a row's title
 * @param itemsField the property of the list response holding the items, or null when the list response is an array
 * @param entityType the entity's TS type
 * @param list       the list call, or null (then the list shows nothing but the create button)
 * @param get        the detail call, or null (then the detail shows the row from the list)
 * @param create     the create call, or null
 * @param update     the update call, or null
 * @param remove     the delete call, or null
 * @param idParam    the id's name in the item path
 * @param fields     the form's fields
 * @param bodyType   the create/update body's TS type
 * @param filters    the floating filter bar's extra filters as TS object literals (category, date, custom)
 */
public record Resource(String key, String title, String singular, String description, String idField, String titleField, String itemsField,
                       String entityType, ClientCall list, ClientCall get, ClientCall create, ClientCall update, ClientCall remove,
                       String idParam, List<Field> fields, String bodyType, List<String> filters) {
    public boolean editable() {
        return !fields.isEmpty() && (create != null || update != null);
    }

    /**
     * One form field.
     *
     * @param name     the property name
     * @param key      the property as a TS key
     * @param label    its label
     * @param kind     {@code text}, {@code number} or {@code boolean}
     * @param required whether the API requires it
     * @param last     the last field (for JSON-ish separators in templates)
     */
    public record Field(String name, String key, String label, String kind, boolean required, boolean last) {
        public boolean number() {
            return kind.equals("number");
        }

        public boolean bool() {
            return kind.equals("boolean");
        }

        public String literal() {
            return TsText.string(name);
        }

        public String labelLiteral() {
            return TsText.string(label);
        }
    }
}
