package dev.dbtool.generators.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A model exposed as a GraphQL type, with its repository.
 *
 * @param table       the qualified, quoted table name
 * @param key         the primary key's fields, in order
 * @param uniques     single-field unique keys other than a single-field primary key (for {@code user(email:)})
 * @param lookups     fields the repository loads by in batches ({@code findByXIn}): keys, unique keys, FK fields
 * @param constraints constraint name → the fields it covers (unique, primary and foreign keys), for CONFLICT errors
 * @param readOnly    a view: read (list, get, aggregates), never written
 */
public record ApiType(String name, String documentation, String table, List<ApiField> fields, List<ApiField> key,
                      List<ApiField> uniques, List<ApiField> lookups, List<ApiRelation> relations, String readScope, String writeScope,
                      Map<String, List<String>> constraints, Integer cacheTtlSeconds, boolean readOnly) {
    /** As {@link ApiSchema#renamed}: this type, with {@code from} renamed {@code to} in its name, relations and enum fields. */
    ApiType renamed(String from, String to, String note) {
        boolean self = name.equals(from);
        return new ApiType(self ? to : name, self ? ApiSchema.join(documentation, note) : documentation, table, rename(fields, from, to), rename(key, from, to),
                rename(uniques, from, to), rename(lookups, from, to), relations.stream().map(r -> r.target().equals(from) ? r.withTarget(to) : r).toList(),
                readScope, writeScope, constraints, cacheTtlSeconds, readOnly);
    }

    private static List<ApiField> rename(List<ApiField> fields, String from, String to) {
        return fields.stream().map(f -> from.equals(f.enumName()) ? f.withEnum(to) : f).toList();
    }

    public boolean cached() { return cacheTtlSeconds != null; }

    public Optional<ApiField> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    public List<ApiField> outputFields() { return fields.stream().filter(ApiField::output).toList(); }

    public List<ApiField> inputFields() { return fields.stream().filter(ApiField::input).toList(); }

    /** Fields the Java record holds: everything readable (hashes stay in the database). */
    public List<ApiField> recordFields() { return fields.stream().filter(f -> !f.hashed()).toList(); }
}
