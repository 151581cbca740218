package dev.dbtool.generators.pull;

import dev.dbtool.core.format.FileFormatter;
import dev.dbtool.core.physical.DbColumn;
import dev.dbtool.core.physical.DbEnum;
import dev.dbtool.core.physical.DbForeignKey;
import dev.dbtool.core.physical.DbIndex;
import dev.dbtool.core.physical.DbIndexColumn;
import dev.dbtool.core.physical.DbSchema;
import dev.dbtool.core.physical.DbTable;
import dev.dbtool.core.physical.SqlNames;
import dev.dbtool.core.source.SourceFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A database read back into schema text, with Prisma's conventions recovered: tables → models (with {@code @@map}
 * where a name is not an identifier), foreign keys → relation fields on both sides (1:1 when the key is unique),
 * {@code _AToB} tables → implicit m:n lists, SERIAL → {@code @default(autoincrement())}, native types → {@code @db.*},
 * non-default constraint names → {@code map:}. The text is formatted like {@code dbtool format}.
 */
public final class DatabaseToDsl {
    private static final Pattern SIZED = Pattern.compile("([A-Z ]+?)(?:\\((\\d+)(?:,(\\d+))?\\))?");

    private final DbSchema db;
    private final Map<String, String> modelNames = new HashMap<>();
    private final Map<String, DbEnum> enumsBySqlType = new HashMap<>();
    private final Map<String, String> enumNames = new HashMap<>();
    private final Map<String, Map<String, String>> fieldNames = new HashMap<>();
    private final Map<String, List<String>> extraFields = new LinkedHashMap<>();
    private final boolean multiSchema;

    private DatabaseToDsl(DbSchema db) {
        this.db = db;
        this.multiSchema = !db.schemas().isEmpty();
    }

    public static String render(DbSchema db) {
        String text = new DatabaseToDsl(db).build();
        String formatted = FileFormatter.format(new SourceFile("schema.prisma", text)).formatted();
        return formatted != null ? formatted : text;
    }

    private static String key(String schema, String table) { return (schema == null ? "" : schema) + "." + table; }

    private String build() {
        for (DbEnum e : db.enums()) {
            enumsBySqlType.put(e.qualifiedName(), e);
            enumNames.put(e.qualifiedName(), identifier(e.name()));
        }
        Set<String> taken = new HashSet<>();
        for (DbTable t : db.tables()) {
            if (isJoinTable(t)) continue;
            String name = unique(identifier(t.name()), taken);
            modelNames.put(key(t.schema(), t.name()), name);
            Map<String, String> fields = new LinkedHashMap<>();
            Set<String> used = new HashSet<>();
            for (DbColumn c : t.columns()) fields.put(c.name(), unique(identifier(c.name()), used));
            fieldNames.put(key(t.schema(), t.name()), fields);
        }
        relations();
        StringBuilder out = new StringBuilder();
        out.append("datasource db {\n  provider = \"postgresql\"\n  url = env(\"DATABASE_URL\")\n");
        if (!db.extensions().isEmpty()) {
            out.append("  extensions = [").append(String.join(", ", db.extensions().stream().map(DatabaseToDsl::extension).toList())).append("]\n");
        }
        if (multiSchema) {
            List<String> all = new ArrayList<>(List.of("public"));
            all.addAll(db.schemas());
            out.append("  schemas = [").append(String.join(", ", all.stream().map(DefaultParser::quote).toList())).append("]\n");
        }
        out.append("}\n");
        for (DbEnum e : db.enums()) out.append('\n').append(enumBlock(e));
        for (DbTable t : db.tables()) if (!isJoinTable(t)) out.append('\n').append(model(t));
        return out.toString();
    }

    private String enumBlock(DbEnum e) {
        StringBuilder b = new StringBuilder("enum ").append(enumNames.get(e.qualifiedName())).append(" {\n");
        Set<String> used = new HashSet<>();
        for (String v : e.values()) {
            String name = unique(identifier(v), used);
            b.append("  ").append(name).append(name.equals(v) ? "" : " @map(" + DefaultParser.quote(v) + ")").append('\n');
        }
        if (!enumNames.get(e.qualifiedName()).equals(e.name())) b.append("\n  @@map(").append(DefaultParser.quote(e.name())).append(")\n");
        if (multiSchema) b.append("  @@schema(").append(DefaultParser.quote(e.schema() == null ? "public" : e.schema())).append(")\n");
        return b.append("}\n").toString();
    }

    private String enumValueName(DbEnum e, String dbValue) {
        String id = identifier(dbValue);
        return e.values().contains(dbValue) ? id : dbValue;
    }

    private String model(DbTable t) {
        String k = key(t.schema(), t.name());
        Map<String, String> fields = fieldNames.get(k);
        StringBuilder b = new StringBuilder("model ").append(modelNames.get(k)).append(" {\n");
        boolean singlePk = t.primaryKey() != null && t.primaryKey().columns().size() == 1;
        for (DbColumn c : t.columns()) {
            StringBuilder line = new StringBuilder("  ").append(fields.get(c.name())).append(' ');
            List<String> attrs = new ArrayList<>();
            String scalar = fieldType(c, line, attrs);
            if (singlePk && t.primaryKey().columns().get(0).equals(c.name())) {
                String def = SqlNames.constraintName(t.name(), "_pkey");
                attrs.add(0, t.primaryKey().name().equals(def) ? "@id" : "@id(map: " + DefaultParser.quote(t.primaryKey().name()) + ")");
            }
            DbIndex unique = t.indexes().stream().filter(ix -> ix.unique() && ix.columns().size() == 1 && ix.columns().get(0).name().equals(c.name())
                    && simple(ix)).findFirst().orElse(null);
            if (unique != null) {
                String def = SqlNames.constraintName(t.name() + "_" + c.name(), "_key");
                attrs.add(unique.name().equals(def) ? "@unique" : "@unique(map: " + DefaultParser.quote(unique.name()) + ")");
            }
            String dflt = defaultFor(c, scalar);
            if (dflt != null) attrs.add("@default(" + dflt + ")");
            if (!fields.get(c.name()).equals(c.name())) attrs.add("@map(" + DefaultParser.quote(c.name()) + ")");
            line.append(String.join(" ", attrs.stream().filter(a -> !a.isEmpty()).toList()));
            b.append(line.toString().stripTrailing()).append('\n');
        }
        for (String extra : extraFields.getOrDefault(k, List.of())) b.append("  ").append(extra).append('\n');
        List<String> blockAttributes = new ArrayList<>();
        if (t.primaryKey() != null && !singlePk) {
            String def = SqlNames.constraintName(t.name(), "_pkey");
            blockAttributes.add("@@id([" + fieldList(fields, t.primaryKey().columns()) + "]"
                    + (t.primaryKey().name().equals(def) ? "" : ", map: " + DefaultParser.quote(t.primaryKey().name())) + ")");
        }
        for (DbIndex ix : t.indexes()) {
            if (ix.unique() && ix.columns().size() == 1 && simple(ix)) continue;
            List<String> cols = new ArrayList<>();
            for (DbIndexColumn c : ix.columns()) {
                List<String> opts = new ArrayList<>();
                if (c.descending()) opts.add("sort: Desc");
                if (c.operatorClass() != null) opts.add("ops: " + dev.dbtool.core.physical.OperatorClasses.schemaSpelling(c.operatorClass()));
                cols.add(fields.get(c.name()) + (opts.isEmpty() ? "" : "(" + String.join(", ", opts) + ")"));
            }
            List<String> colNames = ix.columns().stream().map(DbIndexColumn::name).toList();
            String def = SqlNames.constraintName(t.name() + "_" + String.join("_", colNames), ix.unique() ? "_key" : "_idx");
            StringBuilder a = new StringBuilder(ix.unique() ? "@@unique([" : "@@index([").append(String.join(", ", cols)).append("]");
            if (!ix.name().equals(def)) a.append(", map: ").append(DefaultParser.quote(ix.name()));
            if (ix.method() != null) a.append(", type: ").append(methodName(ix.method()));
            if (ix.where() != null) a.append(", where: ").append(DefaultParser.quote(ix.where()));
            blockAttributes.add(a.append(")").toString());
        }
        if (!modelNames.get(k).equals(t.name())) blockAttributes.add("@@map(" + DefaultParser.quote(t.name()) + ")");
        boolean hasCriterion = t.primaryKey() != null || t.indexes().stream().anyMatch(ix -> ix.unique() && ix.where() == null
                && ix.columns().stream().allMatch(c -> t.column(c.name()).map(DbColumn::notNull).orElse(false)));
        if (!hasCriterion) blockAttributes.add("@@ignore");
        if (multiSchema) blockAttributes.add("@@schema(" + DefaultParser.quote(t.schema() == null ? "public" : t.schema()) + ")");
        for (int i = 0; i < t.checks().size(); i++) {
            var c = t.checks().get(i);
            String def = SqlNames.constraintName(t.name(), i == 0 ? "_check" : "_check_" + (i + 1));
            blockAttributes.add("@@check(" + DefaultParser.quote(c.expression()) + (c.name().equals(def) ? "" : ", name: " + DefaultParser.quote(c.name())) + ")");
        }
        if (!blockAttributes.isEmpty()) {
            b.append('\n');
            for (String a : blockAttributes) b.append("  ").append(a).append('\n');
        }
        return b.append("}\n").toString();
    }

    private static boolean simple(DbIndex ix) {
        return ix.method() == null && ix.where() == null && ix.columns().stream().noneMatch(c -> c.descending() || c.operatorClass() != null);
    }

    /** Appends the DSL type to {@code line}, native-type attributes to {@code attrs}; returns the scalar kind. */
    private String fieldType(DbColumn c, StringBuilder line, List<String> attrs) {
        boolean list = c.type().endsWith("[]");
        String sql = list ? c.type().substring(0, c.type().length() - 2) : c.type();
        String suffix = list ? "[]" : c.notNull() ? "" : "?";
        DbEnum e = enumsBySqlType.get(sql);
        if (e != null) {
            line.append(enumNames.get(e.qualifiedName())).append(suffix).append(' ');
            return "enum";
        }
        Matcher m = SIZED.matcher(sql);
        String name = m.matches() ? m.group(1) : sql;
        String args = m.matches() && m.group(2) != null ? "(" + m.group(2) + (m.group(3) != null ? ", " + m.group(3) : "") + ")" : "";
        String scalar;
        String nativeType = null;
        switch (name) {
            case "TEXT" -> scalar = "String";
            case "VARCHAR" -> { scalar = "String"; nativeType = "VarChar" + args; }
            case "CHAR" -> { scalar = "String"; nativeType = "Char" + args; }
            case "BIT" -> { scalar = "String"; nativeType = "Bit" + args; }
            case "VARBIT" -> { scalar = "String"; nativeType = "VarBit" + args; }
            case "UUID" -> { scalar = "String"; nativeType = "Uuid"; }
            case "XML" -> { scalar = "String"; nativeType = "Xml"; }
            case "INET" -> { scalar = "String"; nativeType = "Inet"; }
            case "CITEXT" -> { scalar = "String"; nativeType = "Citext"; }
            case "BOOLEAN" -> scalar = "Boolean";
            case "INTEGER" -> scalar = "Int";
            case "SERIAL" -> { scalar = "Int"; attrs.add("@default(autoincrement())"); }
            case "SMALLINT" -> { scalar = "Int"; nativeType = "SmallInt"; }
            case "SMALLSERIAL" -> { scalar = "Int"; nativeType = "SmallInt"; attrs.add("@default(autoincrement())"); }
            case "OID" -> { scalar = "Int"; nativeType = "Oid"; }
            case "BIGINT" -> scalar = "BigInt";
            case "BIGSERIAL" -> { scalar = "BigInt"; attrs.add("@default(autoincrement())"); }
            case "DOUBLE PRECISION" -> scalar = "Float";
            case "REAL" -> { scalar = "Float"; nativeType = "Real"; }
            case "DECIMAL" -> { scalar = "Decimal"; if (!args.equals("(65, 30)")) nativeType = "Decimal" + args; }
            case "MONEY" -> { scalar = "Decimal"; nativeType = "Money"; }
            case "TIMESTAMP" -> { scalar = "DateTime"; if (!args.equals("(3)")) nativeType = "Timestamp" + args; }
            case "TIMESTAMPTZ" -> { scalar = "DateTime"; nativeType = "Timestamptz" + args; }
            case "DATE" -> { scalar = "DateTime"; nativeType = "Date"; }
            case "TIME" -> { scalar = "DateTime"; nativeType = "Time" + args; }
            case "TIMETZ" -> { scalar = "DateTime"; nativeType = "Timetz" + args; }
            case "JSONB" -> scalar = "Json";
            case "JSON" -> { scalar = "Json"; nativeType = "Json"; }
            case "BYTEA" -> scalar = "Bytes";
            default -> {
                line.append("Unsupported(").append(DefaultParser.quote(c.type())).append(')').append(c.notNull() ? "" : "?").append(' ');
                return "Unsupported";
            }
        }
        line.append(scalar).append(suffix).append(' ');
        if (nativeType != null) attrs.add("@db." + nativeType);
        return scalar;
    }

    private String defaultFor(DbColumn c, String scalar) {
        if (c.defaultSql() == null || scalar.equals("Unsupported")) {
            return c.defaultSql() == null ? null : "dbgenerated(" + DefaultParser.quote(c.defaultSql()) + ")";
        }
        boolean list = c.type().endsWith("[]");
        String v = DefaultParser.toDsl(c.defaultSql(), scalar, list);
        if (v == null || !scalar.equals("enum") || v.startsWith("dbgenerated(")) return v;
        DbEnum e = enumsBySqlType.get(list ? c.type().substring(0, c.type().length() - 2) : c.type());
        if (list) {
            List<String> names = new ArrayList<>();
            for (String item : v.substring(1, v.length() - 1).split(",")) if (!item.isBlank()) names.add(enumValueName(e, item.strip()));
            return "[" + String.join(", ", names) + "]";
        }
        return enumValueName(e, v);
    }

    private void relations() {
        Map<String, Integer> pairCount = new HashMap<>();
        for (DbTable t : db.tables()) {
            if (isJoinTable(t)) {
                pairCount.merge(pair(t.foreignKeys().get(0).referencedTable(), t.foreignKeys().get(1).referencedTable()), 1, Integer::sum);
            } else {
                for (DbForeignKey fk : t.foreignKeys()) pairCount.merge(pair(t.name(), fk.referencedTable()), 1, Integer::sum);
            }
        }
        for (DbTable t : db.tables()) {
            if (isJoinTable(t)) {
                joinTable(t, pairCount);
                continue;
            }
            for (DbForeignKey fk : t.foreignKeys()) foreignKey(t, fk, pairCount);
        }
    }

    private void foreignKey(DbTable t, DbForeignKey fk, Map<String, Integer> pairCount) {
        String ownerKey = key(t.schema(), t.name());
        String targetKey = key(fk.referencedSchema(), fk.referencedTable());
        String owner = modelNames.get(ownerKey);
        String target = modelNames.get(targetKey);
        if (owner == null || target == null) return;
        boolean self = ownerKey.equals(targetKey);
        boolean named = self || pairCount.getOrDefault(pair(t.name(), fk.referencedTable()), 0) > 1;
        String relationName = fk.name().endsWith("_fkey") ? fk.name().substring(0, fk.name().length() - 5) : fk.name();
        boolean optional = fk.columns().stream().anyMatch(col -> t.column(col).map(c -> !c.notNull()).orElse(false));
        boolean allOptional = fk.columns().stream().allMatch(col -> t.column(col).map(c -> !c.notNull()).orElse(false));
        boolean oneToOne = t.indexes().stream().anyMatch(ix -> ix.unique() && ix.where() == null
                && new HashSet<>(ix.columns().stream().map(DbIndexColumn::name).toList()).equals(new HashSet<>(fk.columns())))
                || t.primaryKey() != null && new HashSet<>(t.primaryKey().columns()).equals(new HashSet<>(fk.columns()));
        Map<String, String> ownerFields = fieldNames.get(ownerKey);
        Map<String, String> targetFields = fieldNames.get(targetKey);
        String fieldName = fk.columns().size() == 1 && stem(fk.columns().get(0)) != null ? stem(fk.columns().get(0)) : lowerFirst(target);
        fieldName = uniqueField(ownerKey, fieldName);
        List<String> args = new ArrayList<>();
        if (named) args.add(DefaultParser.quote(relationName));
        args.add("fields: [" + fieldList(ownerFields, fk.columns()) + "]");
        args.add("references: [" + fieldList(targetFields, fk.referencedColumns()) + "]");
        String defaultDelete = allOptional ? "SET NULL" : "RESTRICT";
        if (!fk.onDelete().equals(defaultDelete)) args.add("onDelete: " + actionName(fk.onDelete()));
        if (!fk.onUpdate().equals("CASCADE")) args.add("onUpdate: " + actionName(fk.onUpdate()));
        String defaultName = SqlNames.constraintName(t.name() + "_" + String.join("_", fk.columns()), "_fkey");
        if (!fk.name().equals(defaultName)) args.add("map: " + DefaultParser.quote(fk.name()));
        extraFields.computeIfAbsent(ownerKey, x -> new ArrayList<>())
                .add(fieldName + " " + target + (optional ? "?" : "") + " @relation(" + String.join(", ", args) + ")");
        String backName = uniqueField(targetKey, oneToOne ? lowerFirst(owner) : plural(lowerFirst(owner)));
        extraFields.computeIfAbsent(targetKey, x -> new ArrayList<>())
                .add(backName + " " + owner + (oneToOne ? "?" : "[]") + (named ? " @relation(" + DefaultParser.quote(relationName) + ")" : ""));
    }

    private void joinTable(DbTable t, Map<String, Integer> pairCount) {
        DbForeignKey a = t.foreignKeys().stream().filter(fk -> fk.columns().equals(List.of("A"))).findFirst().orElseThrow();
        DbForeignKey b = t.foreignKeys().stream().filter(fk -> fk.columns().equals(List.of("B"))).findFirst().orElseThrow();
        String aKey = key(a.referencedSchema(), a.referencedTable());
        String bKey = key(b.referencedSchema(), b.referencedTable());
        String aModel = modelNames.get(aKey);
        String bModel = modelNames.get(bKey);
        String relation = t.name().substring(1);
        boolean named = !relation.equals(aModel + "To" + bModel) || aKey.equals(bKey) || pairCount.getOrDefault(pair(a.referencedTable(), b.referencedTable()), 0) > 1;
        String attr = named ? " @relation(" + DefaultParser.quote(relation) + ")" : "";
        String aField = uniqueField(aKey, plural(lowerFirst(bModel)));
        extraFields.computeIfAbsent(aKey, x -> new ArrayList<>()).add(aField + " " + bModel + "[]" + attr);
        String bField = uniqueField(bKey, plural(lowerFirst(aModel)));
        extraFields.computeIfAbsent(bKey, x -> new ArrayList<>()).add(bField + " " + aModel + "[]" + attr);
    }

    private boolean isJoinTable(DbTable t) {
        if (!t.name().startsWith("_") || t.columns().size() != 2 || t.column("A").isEmpty() || t.column("B").isEmpty()) return false;
        if (t.foreignKeys().size() != 2) return false;
        return t.foreignKeys().stream().allMatch(fk -> fk.columns().size() == 1 && db.table(fk.referencedSchema(), fk.referencedTable())
                .map(r -> r.primaryKey() != null && r.primaryKey().columns().equals(fk.referencedColumns())).orElse(false));
    }

    private String uniqueField(String modelKey, String wanted) {
        Set<String> used = new HashSet<>(fieldNames.get(modelKey).values());
        for (String extra : extraFields.getOrDefault(modelKey, List.of())) used.add(extra.substring(0, extra.indexOf(' ')));
        return unique(wanted, used);
    }

    private static String pair(String a, String b) { return a.compareTo(b) <= 0 ? a + "|" + b : b + "|" + a; }

    /** {@code authorId} → {@code author}, {@code owner_id} → {@code owner}; null when there is no such stem. */
    private static String stem(String column) {
        if (column.length() > 2 && column.endsWith("Id")) return column.substring(0, column.length() - 2);
        if (column.length() > 3 && column.toLowerCase(Locale.ROOT).endsWith("_id")) return identifier(column.substring(0, column.length() - 3));
        return null;
    }

    private static String fieldList(Map<String, String> fields, List<String> columns) {
        return String.join(", ", columns.stream().map(fields::get).map(Objects::toString).toList());
    }

    private static String actionName(String sql) {
        return switch (sql) {
            case "CASCADE" -> "Cascade";
            case "RESTRICT" -> "Restrict";
            case "SET NULL" -> "SetNull";
            case "SET DEFAULT" -> "SetDefault";
            default -> "NoAction";
        };
    }

    private static String methodName(String method) {
        return switch (method) {
            case "GIN" -> "Gin";
            case "GIST" -> "Gist";
            case "SPGIST" -> "SpGist";
            case "BRIN" -> "Brin";
            case "HASH" -> "Hash";
            default -> "BTree";
        };
    }

    /** {@code citext}; {@code uuid_ossp(map: "uuid-ossp")} for a name that is no identifier; {@code schema:} when not the default. */
    private static String extension(dev.dbtool.core.physical.DbExtension e) {
        String name = identifier(e.name());
        List<String> args = new ArrayList<>();
        if (!name.equals(e.name())) args.add("map: " + DefaultParser.quote(e.name()));
        if (e.schema() != null) args.add("schema: " + DefaultParser.quote(e.schema()));
        if (e.version() != null) args.add("version: " + DefaultParser.quote(e.version()));
        return args.isEmpty() ? name : name + "(" + String.join(", ", args) + ")";
    }

    static String identifier(String name) {
        String s = name.replaceAll("[^A-Za-z0-9_]", "_");
        if (s.isEmpty() || !Character.isLetter(s.charAt(0))) s = "x" + s;
        return s;
    }

    /** A list field's name: {@code post} → {@code posts}; a table already named in the plural stays as it is. */
    private static String plural(String s) { return s.endsWith("s") ? s : s + "s"; }

    private static String lowerFirst(String s) { return Character.toLowerCase(s.charAt(0)) + s.substring(1); }

    private static String unique(String wanted, Set<String> used) {
        String s = wanted;
        for (int n = 2; used.contains(s); n++) s = wanted + n;
        used.add(s);
        return s;
    }
}
