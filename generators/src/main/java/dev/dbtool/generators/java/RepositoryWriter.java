package dev.dbtool.generators.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import dev.dbtool.core.model.ValidationRule;
import dev.dbtool.generators.api.ApiField;
import dev.dbtool.generators.api.ApiRelation;
import dev.dbtool.generators.api.ApiSchema;
import dev.dbtool.generators.api.ApiType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.lang.model.element.Modifier;

/**
 * A model's typed JDBC repository: find by key / unique field / batches of keys, list with filter, order and cursor,
 * create, update, delete, verify for {@code @hashed} fields. Prepared statements only; every parameter is cast to its
 * column's type. Methods take the caller's {@link Connection}, so several calls can share one transaction.
 */
final class RepositoryWriter {
    private final ApiSchema api;
    private final ApiType t;
    private final JavaNames names;
    private final ClassName row;
    private final ClassName column;
    private final ClassName rows;
    private final List<ApiField> fields;

    private RepositoryWriter(ApiSchema api, ApiType t, JavaNames names) {
        this.api = api;
        this.t = t;
        this.names = names;
        this.row = names.model(t.name());
        this.column = names.runtime("Column");
        this.rows = names.runtime("Rows");
        this.fields = t.recordFields();
    }

    static TypeSpec write(ApiSchema api, ApiType t, JavaNames names) { return new RepositoryWriter(api, t, names).build(); }

    private TypeSpec build() {
        TypeSpec.Builder b = TypeSpec.classBuilder(t.name() + "Repository").addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("Typed JDBC access to " + t.table().replace("\"", "") + ". Every method uses the caller's connection (and so its transaction).\n");
        b.addField(FieldSpec.builder(String.class, "TABLE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL).initializer("$S", t.table()).build());
        b.addField(FieldSpec.builder(String.class, "SELECT", Modifier.STATIC, Modifier.FINAL).initializer("$S", select("")).build());
        CodeBlock.Builder needs = CodeBlock.builder().add("$T.ofEntries(", Map.class);
        for (int i = 0; i < t.relations().size(); i++) {
            ApiRelation r = t.relations().get(i);
            needs.add(i > 0 ? ", " : "").add("$T.entry($S, $T.of($L))", Map.class, r.name(), List.class, quoted(r.localFields()));
        }
        b.addField(FieldSpec.builder(names.runtime("Projection").nestedClass("Columns"), "PROJECTION", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("The SELECT list for the fields a request asks for (relation loaders read only those; the key always).\n")
                .initializer("new $T($T.of($L), $T.of($L), $T.of($L), $T.of($L), $L)", names.runtime("Projection").nestedClass("Columns"),
                        List.class, quoted(fields.stream().map(ApiField::name).toList()), List.class, quoted(fields.stream().map(ApiField::column).toList()),
                        List.class, quoted(fields.stream().map(ApiField::cast).toList()), List.class, quoted(t.key().stream().map(ApiField::name).toList()),
                        needs.add(")").build()).build());
        for (ApiField f : t.fields()) {
            b.addField(FieldSpec.builder(column, col(f), Modifier.STATIC, Modifier.FINAL)
                    .initializer("new $T($S, $S, $S, $T.Kind.$L, $L)", column, f.name(), f.column(), f.cast(), column, f.kind(), f.nullable()).build());
        }
        CodeBlock.Builder queryable = CodeBlock.builder().add("$T.ofEntries(", Map.class);
        int n = 0;
        for (ApiField f : t.fields()) {
            if (!f.filterable() && !f.sortable() && !f.key()) continue;
            queryable.add(n++ > 0 ? ", " : "").add("$T.entry($S, $L)", Map.class, f.name(), col(f));
        }
        queryable.add(")");
        b.addField(FieldSpec.builder(ParameterizedTypeName.get(ClassName.get(Map.class), JavaTypes.STRING, column), "QUERYABLE", Modifier.PUBLIC,
                Modifier.STATIC, Modifier.FINAL).addJavadoc("The fields list queries may filter and sort on (never hashed, internal or encrypted ones).\n")
                .initializer(queryable.build()).build());
        CodeBlock.Builder all = CodeBlock.builder().add("$T.ofEntries(", Map.class);
        for (int i = 0; i < t.fields().size(); i++) all.add(i > 0 ? ", " : "").add("$T.entry($S, $L)", Map.class, t.fields().get(i).name(), col(t.fields().get(i)));
        b.addField(FieldSpec.builder(ParameterizedTypeName.get(ClassName.get(Map.class), JavaTypes.STRING, column), "COLUMNS", Modifier.PUBLIC,
                Modifier.STATIC, Modifier.FINAL).addJavadoc("Every field, for row rules (the server's own filters, which may name hidden fields).\n")
                .initializer(all.add(")").build()).build());
        for (ApiField f : t.fields()) {
            for (ValidationRule r : f.source().extensions().validations()) {
                if (r instanceof ValidationRule.Pattern p) {
                    b.addField(FieldSpec.builder(Pattern.class, JavaNames.constant(f.name()) + "_PATTERN", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                            .initializer("$T.compile($S)", Pattern.class, p.regex()).build());
                }
            }
        }
        ClassName config = names.runtime("ApiConfig");
        b.addField(config, "config", Modifier.PRIVATE, Modifier.FINAL);
        ParameterizedTypeName listQuery = ParameterizedTypeName.get(names.runtime("ListQuery"), row);
        b.addField(listQuery, "list", Modifier.PRIVATE, Modifier.FINAL);
        b.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC).addParameter(config, "config")
                .addStatement("this.config = config")
                .addStatement("this.list = new $T<>(TABLE, SELECT, $L, QUERYABLE, COLUMNS, $T.of($L), this::read)", names.runtime("ListQuery"), fields.size(), List.class,
                        String.join(", ", t.key().stream().map(f -> "\"" + f.name() + "\"").toList()))
                .build());
        b.addMethod(read());
        if (t.fields().stream().anyMatch(ApiField::encrypted)) {
            b.addMethod(MethodSpec.methodBuilder("keyRing").addModifiers(Modifier.PRIVATE).returns(names.runtime("KeyRing"))
                    .addStatement("if (config.keyRing() == null) throw new $T($S)", IllegalStateException.class,
                            t.name() + " has @encrypted fields: configure a key ring (ENCRYPTION_KEYS)")
                    .addStatement("return config.keyRing()").build());
        }
        b.addMethod(findById());
        for (ApiField u : t.uniques()) b.addMethod(findByUnique(u));
        for (ApiField l : t.lookups()) {
            b.addMethod(findIn(l));
            b.addMethod(findInUnderRule(l));
        }
        java.util.Set<List<String>> composites = new java.util.LinkedHashSet<>();
        for (ApiType other : api.types()) {
            for (ApiRelation r : other.relations()) {
                if (r.composite() && r.target().equals(t.name()) && composites.add(r.remoteFields())) {
                    b.addMethod(findInComposite(r.remoteFields(), false));
                    b.addMethod(findInComposite(r.remoteFields(), true));
                }
                if (r.kind() == ApiRelation.Kind.MANY_TO_MANY && r.target().equals(t.name())) {
                    b.addMethod(findLinked(other, r));
                    b.addMethod(findLinkedUnderRule(other, r));
                }
            }
        }
        b.addMethod(MethodSpec.methodBuilder("findMany").addModifiers(Modifier.PUBLIC).returns(ParameterizedTypeName.get(names.runtime("Page"), row))
                .addJavadoc("A page of rows: {@code where} over {@link #QUERYABLE} fields, then {@code orderBy} (the key breaks ties), then the page.\n")
                .addParameter(Connection.class, "c").addParameter(names.runtime("Filter"), "where")
                .addParameter(ParameterizedTypeName.get(ClassName.get(List.class), names.runtime("OrderBy")), "orderBy")
                .addParameter(names.runtime("PageRequest"), "page").addException(SQLException.class)
                .addStatement("return list.run(c, where, orderBy, page)").build());
        b.addMethod(MethodSpec.methodBuilder("findMany").addModifiers(Modifier.PUBLIC).returns(ParameterizedTypeName.get(names.runtime("Page"), row))
                .addJavadoc("The same under a row rule: {@code rule} (over {@link #COLUMNS}) holds besides {@code where}.\n")
                .addParameter(Connection.class, "c").addParameter(names.runtime("Filter"), "where").addParameter(names.runtime("Filter"), "rule")
                .addParameter(ParameterizedTypeName.get(ClassName.get(List.class), names.runtime("OrderBy")), "orderBy")
                .addParameter(names.runtime("PageRequest"), "page").addException(SQLException.class)
                .addStatement("return list.run(c, where, rule, orderBy, page)").build());
        b.addMethod(MethodSpec.methodBuilder("findMany").addModifiers(Modifier.PUBLIC).returns(ParameterizedTypeName.get(names.runtime("Page"), row))
                .addJavadoc("The same, reading only the {@code wanted} fields (the others are null in the rows; all when null).\n")
                .addParameter(Connection.class, "c").addParameter(names.runtime("Filter"), "where").addParameter(names.runtime("Filter"), "rule")
                .addParameter(ParameterizedTypeName.get(ClassName.get(List.class), names.runtime("OrderBy")), "orderBy")
                .addParameter(names.runtime("PageRequest"), "page").addParameter(ParameterizedTypeName.get(java.util.Set.class, String.class), "wanted")
                .addException(SQLException.class)
                .addStatement("return list.run(c, where, rule, orderBy, page, PROJECTION.select(wanted, \"\"))").build());
        b.addMethod(visible());
        b.addMethod(create());
        b.addMethods(creates());
        b.addMethod(validateCreate());
        if (!InputWriter.updatable(t).isEmpty()) {
            b.addMethod(update());
            b.addMethod(updateMany());
            b.addMethod(validateUpdate());
        }
        b.addMethod(delete());
        b.addMethod(deleteMany());
        for (ApiField f : t.fields()) if (f.hashed()) b.addMethod(verify(f));
        return b.build();
    }

    static String col(ApiField f) { return "COL_" + JavaNames.constant(f.name()); }

    /** {@code "a", "b"}: strings as Java literals, for List.of(...). */
    private static CodeBlock quoted(List<String> values) {
        CodeBlock.Builder b = CodeBlock.builder();
        for (int i = 0; i < values.size(); i++) b.add(i > 0 ? ", $S" : "$S", values.get(i));
        return b.build();
    }

    private String select(String alias) {
        return String.join(", ", fields.stream().map(f -> alias + f.column()).toList());
    }

    private String keyWhere() {
        return String.join(" AND ", t.key().stream().map(f -> f.column() + " = ?::" + f.cast()).toList());
    }

    private void keyParams(MethodSpec.Builder m) {
        for (ApiField k : t.key()) m.addParameter(JavaTypes.of(k, names), JavaNames.identifier(k.name()));
    }

    private String keyArgs() {
        return String.join(", ", t.key().stream().map(k -> col(k) + ", " + JavaNames.identifier(k.name())).toList());
    }

    private MethodSpec read() {
        CodeBlock.Builder args = CodeBlock.builder();
        for (int i = 0; i < fields.size(); i++) args.add(i > 0 ? ",\n" : "").add(JavaTypes.read(fields.get(i), i + 1, names));
        return MethodSpec.methodBuilder("read").addModifiers(Modifier.PUBLIC).returns(row).addParameter(ResultSet.class, "rs")
                .addException(SQLException.class).addJavadoc("The row at the result set's cursor, columns in {@code SELECT} order.\n")
                .addStatement("return new $T(\n$>$L$<)", row, args.build()).build();
    }

    private MethodSpec findById() {
        MethodSpec.Builder m = MethodSpec.methodBuilder("findById").addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(ClassName.get(Optional.class), row)).addParameter(Connection.class, "c");
        keyParams(m);
        return m.addException(SQLException.class)
                .addStatement("return $T.one(c, $S, this::read, $L)", rows, "SELECT " + select("") + " FROM " + t.table() + " WHERE " + keyWhere(), keyArgs())
                .build();
    }

    private MethodSpec findByUnique(ApiField u) {
        return MethodSpec.methodBuilder("findBy" + upper(u.name())).addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(ClassName.get(Optional.class), row)).addParameter(Connection.class, "c")
                .addParameter(JavaTypes.of(u, names), JavaNames.identifier(u.name())).addException(SQLException.class)
                .addStatement("return $T.one(c, $S, this::read, $L, $N)", rows, "SELECT " + select("") + " FROM " + t.table() + " WHERE " + u.column()
                        + " = ?::" + u.cast(), col(u), JavaNames.identifier(u.name())).build();
    }

    private String orderByKey(String alias) {
        return String.join(", ", t.key().stream().map(k -> alias + k.column()).toList());
    }

    private MethodSpec findIn(ApiField l) {
        TypeName values = ParameterizedTypeName.get(ClassName.get(Collection.class), WildcardTypeName.subtypeOf(JavaTypes.of(l, names)));
        return MethodSpec.methodBuilder("findBy" + upper(l.name()) + "In").addModifiers(Modifier.PUBLIC)
                .addJavadoc("Every row whose " + l.name() + " is one of {@code values}, in one statement (DataLoader batches).\n")
                .returns(ParameterizedTypeName.get(ClassName.get(List.class), row)).addParameter(Connection.class, "c").addParameter(values, "values")
                .addException(SQLException.class)
                .addStatement("return $T.in(c, $S, this::read, values)", rows, "SELECT " + select("") + " FROM " + t.table() + " WHERE " + l.column()
                        + " = ANY(?::" + l.cast() + "[]) ORDER BY " + orderByKey("")).build();
    }

    /** {@code findByAAndBIn}: the name of the batch lookup by a composite foreign key's referenced fields. */
    static String compositeFinder(List<String> fields) { return "findBy" + String.join("And", fields.stream().map(RepositoryWriter::upper).toList()) + "In"; }

    /** Every row whose fields match one of the composite keys (each the list of the fields' values), in one statement. */
    private MethodSpec findInComposite(List<String> fieldNames, boolean underRule) {
        List<ApiField> parts = fieldNames.stream().map(n -> t.field(n).orElseThrow()).toList();
        String condition = "(" + String.join(", ", parts.stream().map(ApiField::column).toList()) + ") IN (SELECT * FROM unnest("
                + String.join(", ", parts.stream().map(p -> "?::" + p.cast() + "[]").toList()) + "))";
        TypeName values = ParameterizedTypeName.get(ClassName.get(Collection.class), WildcardTypeName.subtypeOf(ParameterizedTypeName.get(List.class, Object.class)));
        MethodSpec.Builder m = MethodSpec.methodBuilder(compositeFinder(fieldNames)).addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(ClassName.get(List.class), row)).addParameter(Connection.class, "c").addParameter(values, "values")
                .addException(SQLException.class);
        if (!underRule) {
            return m.addJavadoc("Every row whose (" + String.join(", ", fieldNames) + ") is one of {@code values} (each key the list of their values), in one statement.\n")
                    .addStatement("return $T.in(c, $S, this::read, values)", rows, "SELECT " + select("") + " FROM " + t.table() + " WHERE " + condition
                            + " ORDER BY " + orderByKey("")).build();
        }
        return m.addJavadoc("The same, of the rows the row rule {@code rule} lets through, reading only the {@code wanted} fields (all when null).\n")
                .addParameter(names.runtime("Filter"), "rule").addParameter(ParameterizedTypeName.get(java.util.Set.class, String.class), "wanted")
                .addStatement("return $T.in(c, \"SELECT \" + PROJECTION.select(wanted, \"\") + $S, $S, $S, rule, COLUMNS, this::read, values)", rows,
                        " FROM " + t.table(), condition, orderByKey("")).build();
    }

    private MethodSpec findInUnderRule(ApiField l) {
        TypeName values = ParameterizedTypeName.get(ClassName.get(Collection.class), WildcardTypeName.subtypeOf(JavaTypes.of(l, names)));
        return MethodSpec.methodBuilder("findBy" + upper(l.name()) + "In").addModifiers(Modifier.PUBLIC)
                .addJavadoc("The same, of the rows the row rule {@code rule} lets through, reading only the {@code wanted} fields (all when null).\n")
                .returns(ParameterizedTypeName.get(ClassName.get(List.class), row)).addParameter(Connection.class, "c").addParameter(values, "values")
                .addParameter(names.runtime("Filter"), "rule").addParameter(ParameterizedTypeName.get(java.util.Set.class, String.class), "wanted")
                .addException(SQLException.class)
                .addStatement("return $T.in(c, \"SELECT \" + PROJECTION.select(wanted, \"\") + $S, $S, $S, rule, COLUMNS, this::read, values)", rows,
                        " FROM " + t.table(), l.column() + " = ANY(?::" + l.cast() + "[])", orderByKey("")).build();
    }

    private MethodSpec visible() {
        MethodSpec.Builder m = MethodSpec.methodBuilder("visible").addModifiers(Modifier.PUBLIC).returns(boolean.class)
                .addJavadoc("Whether the row with this key exists and the row rule {@code rule} lets it through.\n").addParameter(Connection.class, "c");
        keyParams(m);
        return m.addParameter(names.runtime("Filter"), "rule").addException(SQLException.class)
                .addStatement("return $T.visible(c, TABLE, $S, rule, COLUMNS, $L)", rows, keyWhere(), keyArgs()).build();
    }

    /** Rows of this type linked to each key of {@code owner} through an implicit many-to-many join table. */
    private MethodSpec findLinked(ApiType owner, ApiRelation r) {
        TypeName keyType = JavaTypes.of(owner.key().get(0), names);
        ParameterizedTypeName result = ParameterizedTypeName.get(ClassName.get(Map.class), keyType, ParameterizedTypeName.get(ClassName.get(List.class), row));
        return MethodSpec.methodBuilder("findFor" + owner.name() + upper(r.name())).addModifiers(Modifier.PUBLIC)
                .addJavadoc("The " + t.name() + " rows of each " + owner.name() + "." + r.name() + ", in one statement.\n").returns(result)
                .addParameter(Connection.class, "c")
                .addParameter(ParameterizedTypeName.get(ClassName.get(Collection.class), WildcardTypeName.subtypeOf(keyType)), "keys")
                .addException(SQLException.class)
                .addStatement("return findFor$L$L(c, keys, $T.ALL, null)", owner.name(), upper(r.name()), names.runtime("Filter")).build();
    }

    /** The same under a row rule: the target table is narrowed to the rule's rows before the join. */
    private MethodSpec findLinkedUnderRule(ApiType owner, ApiRelation r) {
        ApiField ownerKey = owner.key().get(0);
        ApiField targetKey = t.key().get(0);
        TypeName keyType = JavaTypes.of(ownerKey, names);
        String head = ", j." + r.joinLocalColumn() + " FROM " + r.joinTable() + " j JOIN ";
        String tail = " t ON t." + targetKey.column() + " = j." + r.joinRemoteColumn() + " WHERE j." + r.joinLocalColumn() + " = ANY(?::" + ownerKey.cast()
                + "[]) ORDER BY " + orderByKey("t.");
        ParameterizedTypeName result = ParameterizedTypeName.get(ClassName.get(Map.class), keyType, ParameterizedTypeName.get(ClassName.get(List.class), row));
        ClassName compiled = names.runtime("SqlFilter").nestedClass("Compiled");
        return MethodSpec.methodBuilder("findFor" + owner.name() + upper(r.name())).addModifiers(Modifier.PUBLIC)
                .addJavadoc("The same, of the rows the row rule {@code rule} lets through, reading only the {@code wanted} fields (all when null).\n").returns(result)
                .addParameter(Connection.class, "c")
                .addParameter(ParameterizedTypeName.get(ClassName.get(Collection.class), WildcardTypeName.subtypeOf(keyType)), "keys")
                .addParameter(names.runtime("Filter"), "rule").addParameter(ParameterizedTypeName.get(java.util.Set.class, String.class), "wanted")
                .addException(SQLException.class)
                .addStatement("$T out = new $T<>()", result, java.util.LinkedHashMap.class)
                .addStatement("if (keys.isEmpty()) return out")
                .addStatement("$T r = $T.compile(rule, COLUMNS)", compiled, names.runtime("SqlFilter"))
                .addStatement("String target = rule.isAll() ? $S : \"(SELECT * FROM $L WHERE \" + r.sql() + \")\"", t.table(), t.table().replace("\"", "\\\""))
                .beginControlFlow("try ($T ps = c.prepareStatement(\"SELECT \" + PROJECTION.select(wanted, \"t.\") + $S + target + $S))",
                        java.sql.PreparedStatement.class, head, tail)
                .addStatement("int i = 1")
                .addStatement("for (Object[] p : r.params()) $T.bind(ps, i++, ($T) p[0], p[1])", names.runtime("Jdbc"), column)
                .addStatement("ps.setArray(i, $T.textArray(c, keys))", names.runtime("Batches"))
                .beginControlFlow("try ($T rs = ps.executeQuery())", ResultSet.class)
                .addStatement("while (rs.next()) out.computeIfAbsent($L, k -> new $T<>()).add(read(rs))", JavaTypes.read(ownerKey, fields.size() + 1, names),
                        ArrayList.class)
                .endControlFlow().endControlFlow().addStatement("return out").build();
    }


    /** The value written for a field: hashed, encrypted or as given. */
    private CodeBlock stored(ApiField f, CodeBlock value) {
        if (f.hashed()) return CodeBlock.of("config.passwordHasher().hash($L)", value);
        if (f.encrypted()) return CodeBlock.of(f.kind().equals("BYTES") ? "keyRing().encryptBytes($L)" : "keyRing().encrypt($L)", value);
        return value;
    }

    private MethodSpec create() {
        ClassName writes = names.runtime("Writes");
        ClassName ids = names.runtime("Ids");
        MethodSpec.Builder m = MethodSpec.methodBuilder("inserting").addModifiers(Modifier.PRIVATE).returns(writes)
                .addJavadoc("Validates, then the columns an insert sets. Generated ids and {@code @updatedAt} are filled in as Prisma's client does; "
                        + "fields left null get their database default.\n")
                .addParameter(names.create(t.name()), "data")
                .addStatement("validate(data)").addStatement("$T w = new $T()", writes, writes);
        for (ApiField f : t.fields()) {
            String id = JavaNames.identifier(f.name());
            switch (f.generation()) {
                case UPDATED_AT -> m.addStatement("w.set($L, $T.now())", col(f), ids);
                case AUTOINCREMENT -> { }
                case UUID -> m.addStatement("w.set($L, data.$N() != null ? data.$N() : $T.uuid())", col(f), id, id, ids);
                case CUID -> m.addStatement("w.set($L, data.$N() != null ? data.$N() : $T.cuid())", col(f), id, id, ids);
                default -> {
                    if (!f.input()) break;
                    if (f.optionalOnCreate()) m.addStatement("if (data.$N() != null) w.set($L, $L)", id, col(f), stored(f, CodeBlock.of("data.$N()", id)));
                    else m.addStatement("w.set($L, $L)", col(f), stored(f, CodeBlock.of("data.$N()", id)));
                }
            }
        }
        return m.addStatement("return w").build();
    }

    /** {@code create}: one row; {@code createMany}: many in as few statements as the parameter limit allows. */
    private List<MethodSpec> creates() {
        ClassName writes = names.runtime("Writes");
        ClassName problem = names.runtime("ApiException").nestedClass("Problem");
        MethodSpec one = MethodSpec.methodBuilder("create").addModifiers(Modifier.PUBLIC).returns(row)
                .addJavadoc("Validates, then inserts. Generated ids and {@code @updatedAt} are filled in as Prisma's client does; "
                        + "fields left null get their database default.\n")
                .addParameter(Connection.class, "c").addParameter(names.create(t.name()), "data").addException(SQLException.class)
                .addStatement("$T w = inserting(data)", writes)
                .addStatement("return $T.write(c, w.insert(TABLE, SELECT), w, this::read).orElseThrow()", rows).build();
        String key = String.join(", ", t.key().stream().map(RepositoryWriter::col).toList());
        MethodSpec many = MethodSpec.methodBuilder("createMany").addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(ClassName.get(List.class), ParameterizedTypeName.get(List.class, Object.class)))
                .addJavadoc("Validates every row (BAD_USER_INPUT with all problems, paths {@code [\"data\", index, field]}), then inserts them in as few "
                        + "statements as PostgreSQL's parameter limit allows; with {@code skipDuplicates}, rows meeting a unique constraint are skipped. "
                        + "The inserted rows' keys.\n")
                .addParameter(Connection.class, "c").addParameter(ParameterizedTypeName.get(ClassName.get(List.class), names.create(t.name())), "data")
                .addParameter(boolean.class, "skipDuplicates").addException(SQLException.class)
                .addStatement("$T<$T> problems = new $T<>()", List.class, problem, ArrayList.class)
                .addStatement("$T<$T> all = new $T<>()", List.class, writes, ArrayList.class)
                .beginControlFlow("for (int i = 0; i < data.size(); i++)")
                .beginControlFlow("try").addStatement("all.add(inserting(data.get(i)))")
                .nextControlFlow("catch ($T e)", names.runtime("ApiException"))
                .addStatement("if (e.problems().isEmpty()) throw e")
                .addStatement("problems.addAll($T.indexed(i, e.problems()))", names.runtime("Validation"))
                .endControlFlow().endControlFlow()
                .addStatement("if (!problems.isEmpty()) throw $T.invalid(problems)", names.runtime("ApiException"))
                .addStatement("return $T.insertMany(c, TABLE, all, $T.of($L), skipDuplicates)", writes, List.class, key).build();
        return List.of(one, many);
    }

    private MethodSpec validateCreate() {
        ClassName problem = names.runtime("ApiException").nestedClass("Problem");
        MethodSpec.Builder m = MethodSpec.methodBuilder("validate").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addJavadoc("Required fields and {@code @validate} rules; BAD_USER_INPUT listing every problem, paths under {@code data}.\n")
                .addParameter(names.create(t.name()), "data")
                .addStatement("$T<$T> problems = new $T<>()", List.class, problem, ArrayList.class);
        for (ApiField f : t.inputFields()) {
            String id = JavaNames.identifier(f.name());
            CodeBlock path = CodeBlock.of("$T.of($S, $S)", List.class, "data", f.name());
            if (!f.optionalOnCreate()) m.addStatement("if (data.$N() == null) problems.add(new $T($L, $S))", id, problem, path, "Required.");
            rules(m, f, CodeBlock.of("data.$N()", id), path);
        }
        return m.addStatement("$T.check(problems)", names.runtime("Validation")).build();
    }

    private MethodSpec validateUpdate() {
        ClassName problem = names.runtime("ApiException").nestedClass("Problem");
        MethodSpec.Builder m = MethodSpec.methodBuilder("validate").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addJavadoc("The {@code @validate} rules of the fields being changed; null only where the column allows it.\n")
                .addParameter(names.update(t.name()), "patch")
                .addStatement("$T<$T> problems = new $T<>()", List.class, problem, ArrayList.class);
        for (ApiField f : InputWriter.updatable(t)) {
            String id = JavaNames.identifier(f.name());
            CodeBlock path = CodeBlock.of("$T.of($S, $S)", List.class, "data", f.name());
            m.beginControlFlow("if (patch.$N().isPresent())", id);
            if (!f.nullable() && !f.list()) m.addStatement("if (patch.$N().get() == null) problems.add(new $T($L, $S))", id, problem, path, "Cannot be null.");
            rules(m, f, CodeBlock.of("patch.$N().get()", id), path);
            m.endControlFlow();
        }
        return m.addStatement("$T.check(problems)", names.runtime("Validation")).build();
    }

    private void rules(MethodSpec.Builder m, ApiField f, CodeBlock value, CodeBlock path) {
        ClassName v = names.runtime("Validation");
        if (f.list()) return;
        for (ValidationRule r : f.source().extensions().validations()) {
            if (r instanceof ValidationRule.Email) m.addStatement("$T.email(problems, $L, $L)", v, path, value);
            else if (r instanceof ValidationRule.Url) m.addStatement("$T.url(problems, $L, $L)", v, path, value);
            else if (r instanceof ValidationRule.Uuid) m.addStatement("$T.uuid(problems, $L, $L)", v, path, value);
            else if (r instanceof ValidationRule.MinLength x) m.addStatement("$T.minLength(problems, $L, $L, $L)", v, path, value, x.value());
            else if (r instanceof ValidationRule.MaxLength x) m.addStatement("$T.maxLength(problems, $L, $L, $L)", v, path, value, x.value());
            else if (r instanceof ValidationRule.Min x) m.addStatement("$T.min(problems, $L, $L, $S)", v, path, value, x.value().toPlainString());
            else if (r instanceof ValidationRule.Max x) m.addStatement("$T.max(problems, $L, $L, $S)", v, path, value, x.value().toPlainString());
            else if (r instanceof ValidationRule.Pattern) m.addStatement("$T.pattern(problems, $L, $L, $L_PATTERN)", v, path, value, JavaNames.constant(f.name()));
        }
    }

    private MethodSpec update() {
        ClassName writes = names.runtime("Writes");
        MethodSpec.Builder m = MethodSpec.methodBuilder("update").addModifiers(Modifier.PUBLIC)
                .addJavadoc("Validates, then changes the present fields (and {@code @updatedAt}); empty when no row has this key.\n")
                .returns(ParameterizedTypeName.get(ClassName.get(Optional.class), row)).addParameter(Connection.class, "c");
        keyParams(m);
        m.addParameter(names.update(t.name()), "patch").addException(SQLException.class)
                .addStatement("validate(patch)").addStatement("$T w = new $T()", writes, writes);
        setPresent(m);
        m.addStatement("if (w.isEmpty()) return findById(c, $L)", String.join(", ", t.key().stream().map(k -> JavaNames.identifier(k.name())).toList()));
        for (ApiField f : t.fields()) if (f.generation() == ApiField.Generation.UPDATED_AT) m.addStatement("w.set($L, $T.now())", col(f), names.runtime("Ids"));
        return m.addStatement("return $T.write(c, w.update(TABLE, $S, SELECT), w, this::read, $L)", rows, keyWhere(), keyArgs()).build();
    }

    /** {@code w.set(…)} for each field the patch carries (hashed and encrypted ones stored as such). */
    private void setPresent(MethodSpec.Builder m) {
        for (ApiField f : InputWriter.updatable(t)) {
            String id = JavaNames.identifier(f.name());
            CodeBlock value = CodeBlock.of("patch.$N().get()", id);
            if (f.hashed() || f.encrypted()) value = CodeBlock.of("$L == null ? null : $L", value, stored(f, value));
            m.addStatement("if (patch.$N().isPresent()) w.set($L, $L)", id, col(f), value);
        }
    }

    /** The key columns, for the bulk writes' RETURNING. */
    private CodeBlock keyColumns() {
        return CodeBlock.of("$T.of($L)", List.class, String.join(", ", t.key().stream().map(k -> col(k).toString()).toList()));
    }

    private MethodSpec updateMany() {
        ClassName writes = names.runtime("Writes");
        MethodSpec.Builder m = MethodSpec.methodBuilder("updateMany").addModifiers(Modifier.PUBLIC)
                .addJavadoc("Validates, then changes the present fields (and {@code @updatedAt}) of every row {@code where} (over {@link #QUERYABLE}) and\n"
                        + "{@code rule} select, in one statement; returns the changed rows' keys. A row the change would hide from {@code rule} fails it.\n")
                .returns(ParameterizedTypeName.get(ClassName.get(List.class), ParameterizedTypeName.get(List.class, Object.class)))
                .addParameter(Connection.class, "c").addParameter(names.runtime("Filter"), "where").addParameter(names.runtime("Filter"), "rule")
                .addParameter(names.update(t.name()), "patch").addException(SQLException.class)
                .addStatement("validate(patch)").addStatement("$T w = new $T()", writes, writes);
        setPresent(m);
        for (ApiField f : t.fields()) if (f.generation() == ApiField.Generation.UPDATED_AT) m.addStatement("if (!w.isEmpty()) w.set($L, $T.now())", col(f), names.runtime("Ids"));
        return m.addStatement("return $T.update(c, TABLE, w, where, QUERYABLE, rule, COLUMNS, $L, $S)", names.runtime("BulkWrites"), keyColumns(), t.name()).build();
    }

    private MethodSpec deleteMany() {
        return MethodSpec.methodBuilder("deleteMany").addModifiers(Modifier.PUBLIC)
                .addJavadoc("Deletes every row {@code where} (over {@link #QUERYABLE}) and {@code rule} select, in one statement; returns their keys.\n")
                .returns(ParameterizedTypeName.get(ClassName.get(List.class), ParameterizedTypeName.get(List.class, Object.class)))
                .addParameter(Connection.class, "c").addParameter(names.runtime("Filter"), "where").addParameter(names.runtime("Filter"), "rule")
                .addException(SQLException.class)
                .addStatement("return $T.delete(c, TABLE, where, QUERYABLE, rule, COLUMNS, $L)", names.runtime("BulkWrites"), keyColumns()).build();
    }

    private MethodSpec delete() {
        MethodSpec.Builder m = MethodSpec.methodBuilder("delete").addModifiers(Modifier.PUBLIC)
                .addJavadoc("Deletes the row and returns it; empty when no row has this key.\n")
                .returns(ParameterizedTypeName.get(ClassName.get(Optional.class), row)).addParameter(Connection.class, "c");
        keyParams(m);
        return m.addException(SQLException.class)
                .addStatement("return $T.one(c, $S, this::read, $L)", rows, "DELETE FROM " + t.table() + " WHERE " + keyWhere() + " RETURNING " + select(""), keyArgs())
                .build();
    }

    private MethodSpec verify(ApiField f) {
        MethodSpec.Builder m = MethodSpec.methodBuilder("verify" + upper(f.name())).addModifiers(Modifier.PUBLIC).returns(boolean.class)
                .addJavadoc("True when {@code candidate} matches the stored argon2id hash of " + f.name() + "; false when it does not or no row has this key.\n")
                .addParameter(Connection.class, "c");
        keyParams(m);
        m.addParameter(String.class, "candidate").addException(SQLException.class);
        return m.addStatement("$T<String> stored = $T.one(c, $S, rs -> rs.getString(1), $L)", Optional.class, rows,
                        "SELECT " + f.column() + " FROM " + t.table() + " WHERE " + keyWhere(), keyArgs())
                .addStatement("return stored.isPresent() && config.passwordHasher().verify(stored.get(), candidate)").build();
    }

    static String upper(String s) { return Character.toUpperCase(s.charAt(0)) + s.substring(1); }
}
