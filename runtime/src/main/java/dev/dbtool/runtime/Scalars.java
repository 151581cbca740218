package dev.dbtool.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.EnumValue;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The custom scalars: DateTime (ISO-8601), BigInt and Decimal (as strings, exact), JSON (any value), Bytes (base64). */
public final class Scalars {
    private Scalars() {}

    public static final GraphQLScalarType DATE_TIME = scalar("DateTime", "An instant, ISO-8601 with offset, e.g. 2024-05-01T12:00:00.000Z.",
            v -> v instanceof Instant i ? i.toString() : null, Scalars::instant);
    public static final GraphQLScalarType BIG_INT = scalar("BigInt", "A 64-bit integer, as a string (JSON numbers lose precision past 2^53).",
            v -> v instanceof Long l ? l.toString() : null, Scalars::bigint);
    public static final GraphQLScalarType DECIMAL = scalar("Decimal", "An exact decimal number, as a string.",
            v -> v instanceof BigDecimal d ? d.toPlainString() : null, Scalars::decimal);
    public static final GraphQLScalarType BYTES = scalar("Bytes", "Binary data, base64-encoded.",
            v -> v instanceof byte[] b ? Base64.getEncoder().encodeToString(b) : null, Scalars::bytes);
    public static final GraphQLScalarType JSON = GraphQLScalarType.newScalar().name("JSON").description("Any JSON value.").coercing(new Coercing<JsonNode, Object>() {
        @Override
        public Object serialize(Object value, GraphQLContext context, Locale locale) {
            if (value instanceof JsonNode n) return Jdbc.JSON.convertValue(n, Object.class);
            throw new CoercingSerializeException("not a JSON value");
        }

        @Override
        public JsonNode parseValue(Object input, GraphQLContext context, Locale locale) {
            return Jdbc.JSON.valueToTree(input);
        }

        @Override
        public JsonNode parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            return literal(input, variables);
        }
    }).build();

    public static List<GraphQLScalarType> all() { return List.of(DATE_TIME, BIG_INT, DECIMAL, BYTES, JSON); }

    private static GraphQLScalarType scalar(String name, String description, Function<Object, String> out, Function<Object, Object> in) {
        return GraphQLScalarType.newScalar().name(name).description(description).coercing(new Coercing<Object, String>() {
            @Override
            public String serialize(Object value, GraphQLContext context, Locale locale) {
                String s = out.apply(value);
                if (s == null) throw new CoercingSerializeException("not a " + name + ": " + value.getClass().getSimpleName());
                return s;
            }

            @Override
            public Object parseValue(Object input, GraphQLContext context, Locale locale) {
                try {
                    return in.apply(input);
                } catch (RuntimeException e) {
                    throw new CoercingParseValueException("Not a valid " + name + ".");
                }
            }

            @Override
            public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                Object raw = input instanceof StringValue s ? s.getValue() : input instanceof IntValue i ? i.getValue()
                        : input instanceof FloatValue f ? f.getValue() : null;
                try {
                    if (raw != null) return in.apply(raw);
                } catch (RuntimeException e) {
                    // reported below
                }
                throw new CoercingParseLiteralException("Not a valid " + name + ".");
            }
        }).build();
    }

    private static Instant instant(Object v) {
        if (!(v instanceof String s)) throw new IllegalArgumentException();
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Long bigint(Object v) {
        if (v instanceof Integer i) return i.longValue();
        if (v instanceof Long l) return l;
        if (v instanceof BigInteger b) return b.longValueExact();
        if (v instanceof String s) return Long.parseLong(s);
        throw new IllegalArgumentException();
    }

    private static BigDecimal decimal(Object v) {
        if (v instanceof BigDecimal d) return d;
        if (v instanceof BigInteger b) return new BigDecimal(b);
        if (v instanceof String s) return new BigDecimal(s);
        if (v instanceof Integer || v instanceof Long) return BigDecimal.valueOf(((Number) v).longValue());
        if (v instanceof Double d) return BigDecimal.valueOf(d);
        throw new IllegalArgumentException();
    }

    private static byte[] bytes(Object v) {
        if (!(v instanceof String s)) throw new IllegalArgumentException();
        return Base64.getDecoder().decode(s);
    }

    private static JsonNode literal(Value<?> v, CoercedVariables variables) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (v instanceof NullValue) return f.nullNode();
        if (v instanceof StringValue s) return f.textNode(s.getValue());
        if (v instanceof IntValue i) return f.numberNode(i.getValue());
        if (v instanceof FloatValue d) return f.numberNode(d.getValue());
        if (v instanceof BooleanValue b) return f.booleanNode(b.isValue());
        if (v instanceof EnumValue e) return f.textNode(e.getName());
        if (v instanceof VariableReference r) return Jdbc.JSON.valueToTree(variables.get(r.getName()));
        if (v instanceof ArrayValue a) {
            ArrayNode out = f.arrayNode();
            for (Value<?> each : a.getValues()) out.add(literal(each, variables));
            return out;
        }
        if (v instanceof ObjectValue o) {
            ObjectNode out = f.objectNode();
            for (ObjectField field : o.getObjectFields()) out.set(field.getName(), literal(field.getValue(), variables));
            return out;
        }
        throw new CoercingParseLiteralException("Not a JSON value.");
    }
}
