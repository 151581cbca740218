package dev.dbtool.generators.api;

import dev.dbtool.core.model.ScalarField;

/**
 * A scalar field as the API sees it.
 *
 * @param column     the quoted SQL column name
 * @param cast       the SQL type every parameter for this column is cast to
 * @param kind       how values are bound and read (the generated {@code Column.Kind})
 * @param graphqlType the GraphQL named type (ID, String, DateTime, an enum…), without list or non-null wrappers
 * @param enumName   the DSL enum's name, for enum fields
 * @param output     appears in the GraphQL object type
 * @param input      appears in create/update inputs
 * @param generation who provides the value on create when the input leaves it out
 */
public record ApiField(ScalarField source, String name, String column, String cast, String kind, String graphqlType, String enumName,
                       boolean nullable, boolean list, boolean output, boolean input, boolean filterable, boolean sortable,
                       Generation generation, boolean key) {
    public enum Generation { NONE, UUID, CUID, AUTOINCREMENT, DATABASE_DEFAULT, UPDATED_AT }

    /** The same field of the enum now exposed as {@code name} ({@link ApiSchema#renamed}). */
    ApiField withEnum(String newEnum) {
        return new ApiField(source, name, column, cast, kind, graphqlType.equals(enumName) ? newEnum : graphqlType, newEnum, nullable, list, output, input,
                filterable, sortable, generation, key);
    }

    public boolean hashed() { return source.extensions().hashed(); }

    public boolean encrypted() { return source.extensions().encrypted(); }

    public boolean internal() { return source.extensions().internal(); }

    public String authScope() { return source.extensions().authScope(); }

    /** Create input may omit it: optional, defaulted or generated. */
    public boolean optionalOnCreate() { return nullable || generation != Generation.NONE || source.defaultValue() != null; }
}
