package dev.luna.functions.graphql;

import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaPrinter;

/** Prints the served schema in SDL, deterministically, for {@code docs/schema.graphql}. */
final class SchemaDocument {
    private SchemaDocument() {
    }

    static String print(GraphQLSchema schema) {
        var options = SchemaPrinter.Options.defaultOptions()
                .includeDirectives(false)
                .includeScalarTypes(true)
                .includeSchemaDefinition(true)
                .includeIntrospectionTypes(false);
        return new SchemaPrinter(options).print(schema);
    }
}
