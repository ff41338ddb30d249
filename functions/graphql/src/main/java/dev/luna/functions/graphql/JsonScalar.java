package dev.luna.functions.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.EnumValue;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.GraphQLScalarType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Locale;

/** The {@code JSON} scalar: any JSON value, passed through as the REST API shows it (and as a client sends it). */
final class JsonScalar {
    static final GraphQLScalarType JSON = GraphQLScalarType.newScalar().name("JSON")
            .description("Any JSON value, exactly as the REST API returns it.")
            .coercing(new Coercing<Object, Object>() {
                @Override
                public Object serialize(Object value, GraphQLContext context, Locale locale) {
                    return value;
                }

                @Override
                public Object parseValue(Object input, GraphQLContext context, Locale locale) {
                    return input;
                }

                @Override
                public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                    return literal(input, variables);
                }
            }).build();

    private JsonScalar() {
    }

    private static Object literal(Value<?> value, CoercedVariables variables) {
        return switch (value) {
            case NullValue n -> null;
            case StringValue s -> s.getValue();
            case BooleanValue b -> b.isValue();
            case IntValue i -> i.getValue();
            case FloatValue f -> f.getValue();
            case EnumValue e -> e.getName();
            case VariableReference v -> variables.get(v.getName());
            case ArrayValue a -> {
                var list = new ArrayList<Object>();
                for (var v : a.getValues()) list.add(literal(v, variables));
                yield list;
            }
            case ObjectValue o -> {
                var map = new LinkedHashMap<String, Object>();
                for (var f : o.getObjectFields()) map.put(f.getName(), literal(f.getValue(), variables));
                yield map;
            }
            default -> throw new CoercingParseLiteralException("not a JSON value: " + value);
        };
    }
}
