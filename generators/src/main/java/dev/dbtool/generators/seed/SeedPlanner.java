package dev.dbtool.generators.seed;

import dev.dbtool.core.model.DefaultValue;
import dev.dbtool.core.model.EnumType;
import dev.dbtool.core.model.FieldKind;
import dev.dbtool.core.model.Model;
import dev.dbtool.core.model.Relation;
import dev.dbtool.core.model.ScalarField;
import dev.dbtool.core.model.Schema;
import dev.dbtool.core.physical.DbColumn;
import dev.dbtool.core.physical.DbForeignKey;
import dev.dbtool.core.physical.DbIndex;
import dev.dbtool.core.physical.DbIndexColumn;
import dev.dbtool.core.physical.DbSchema;
import dev.dbtool.core.physical.DbTable;
import dev.dbtool.core.physical.PhysicalSchemaBuilder;
import dev.dbtool.core.physical.SqlNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import net.datafaker.Faker;

/**
 * Schema → seed plan. Every value is a pure function of (seed, table, row, column): keys and unique values are
 * made injective in the row number (no set of used values, so memory stays constant), a foreign key recomputes the
 * key of the parent row it picked, 1:1 keys take parent row i for child row i, all-key join models enumerate
 * distinct pairs. Parents come before children; an optional key that points forward (or back into a cycle) is a
 * {@link SeedLink}, set once every table is loaded.
 */
public final class SeedPlanner {
    private static final double NULL_SHARE = 0.2;

    private final Schema schema;
    private final DbSchema db;
    private final SeedOptions options;
    private final SeedSecrets secrets;
    private final Map<String, Model> modelByTable = new HashMap<>();
    private final Map<String, Relation> joinTables = new HashMap<>();
    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private final Map<String, TableValues> values = new HashMap<>();
    private final List<String> notes = new ArrayList<>();

    private SeedPlanner(Schema schema, SeedOptions options) {
        this.schema = schema;
        // relationMode = "prisma" leaves the foreign keys out of the database, not out of the data
        this.db = PhysicalSchemaBuilder.withRelations(schema);
        this.options = options;
        this.secrets = new SeedSecrets(options.seed());
        for (Model m : schema.models()) if (!m.view()) modelByTable.put(key(schemaOf(m.schema()), m.tableName()), m);
        for (Relation r : schema.relations()) {
            if (r.kind() == Relation.Kind.IMPLICIT_MANY_TO_MANY) {
                Model a = schema.model(r.ownerModel()).orElseThrow();
                joinTables.put(key(schemaOf(a.schema()), SqlNames.truncate("_" + r.name())), r);
            }
        }
    }

    /** {@link IllegalArgumentException} with a readable reason when the schema cannot be seeded. */
    public static SeedPlan plan(Schema schema, SeedOptions options) {
        return new SeedPlanner(schema, options).build();
    }

    private static String schemaOf(String s) { return s == null || s.equals(PhysicalSchemaBuilder.DEFAULT_SCHEMA) ? null : s; }

    private static String key(String schema, String table) { return (schema == null ? "" : schema) + "." + table; }

    private static String key(DbTable t) { return key(t.schema(), t.name()); }

    private SeedPlan build() {
        List<DbTable> order = order();
        for (DbTable t : order) {
            if (joinTables.containsKey(key(t))) continue;
            Model m = modelByTable.get(key(t));
            int n = m.extensions().seedCount() != null ? m.extensions().seedCount()
                    : options.count() != null ? options.count() : SeedOptions.DEFAULT_COUNT;
            counts.put(key(t), n);
        }
        capCounts(order);
        Set<String> done = new HashSet<>();
        List<SeedTable> tables = new ArrayList<>();
        List<Runnable> linkLater = new ArrayList<>();
        for (DbTable t : order) {
            SeedTable st = joinTables.containsKey(key(t)) ? joinTable(t) : table(t, done, linkLater);
            done.add(key(t));
            tables.add(st);
        }
        linkLater.forEach(Runnable::run); // every table's values exist now: forward keys can be computed
        return new SeedPlan(List.copyOf(tables), secrets, List.copyOf(notes));
    }

    /** Parents first: a foreign key whose columns are all required is an edge; cycles of those cannot be seeded. */
    private List<DbTable> order() {
        Map<String, DbTable> byKey = new LinkedHashMap<>();
        for (DbTable t : db.tables()) byKey.put(key(t), t);
        Map<String, Set<String>> deps = new LinkedHashMap<>();
        for (DbTable t : db.tables()) {
            Set<String> d = new LinkedHashSet<>();
            for (DbForeignKey fk : t.foreignKeys()) {
                String parent = key(fk.referencedSchema(), fk.referencedTable());
                boolean required = fk.columns().stream().allMatch(c -> t.column(c).map(DbColumn::notNull).orElse(false));
                if (required && !parent.equals(key(t))) d.add(parent);
            }
            deps.put(key(t), d);
        }
        List<DbTable> out = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        while (out.size() < byKey.size()) {
            boolean progress = false;
            for (Map.Entry<String, Set<String>> e : deps.entrySet()) {
                if (placed.contains(e.getKey()) || !placed.containsAll(e.getValue())) continue;
                placed.add(e.getKey());
                out.add(byKey.get(e.getKey()));
                progress = true;
            }
            if (!progress) {
                List<String> stuck = deps.keySet().stream().filter(k -> !placed.contains(k)).toList();
                throw new IllegalArgumentException("required foreign keys form a cycle between " + stuck
                        + ": make one of them optional so rows can be inserted first and linked afterwards");
            }
        }
        for (DbTable t : out) {
            for (DbForeignKey fk : t.foreignKeys()) {
                boolean selfRequired = key(fk.referencedSchema(), fk.referencedTable()).equals(key(t))
                        && fk.columns().stream().allMatch(c -> t.column(c).map(DbColumn::notNull).orElse(false));
                if (selfRequired) throw new IllegalArgumentException(t.name() + " requires a row of itself (" + fk.name() + "): the first row cannot exist");
            }
        }
        return out;
    }

    /** 1:1 children cannot outnumber their parents; all-key join models cannot outnumber the distinct pairs. */
    private void capCounts(List<DbTable> order) {
        for (DbTable t : order) {
            Integer n = counts.get(key(t));
            if (n == null) continue;
            for (DbForeignKey fk : t.foreignKeys()) {
                Integer parent = counts.get(key(fk.referencedSchema(), fk.referencedTable()));
                if (parent == null) continue;
                boolean required = fk.columns().stream().allMatch(c -> t.column(c).map(DbColumn::notNull).orElse(false));
                if (required && parent == 0 && n > 0) {
                    throw new IllegalArgumentException(t.name() + " needs rows of " + fk.referencedTable() + ", which is seeded with 0 rows");
                }
                if (isUniqueSet(t, fk.columns()) && n > parent) {
                    notes.add(t.name() + ": " + parent + " rows, not " + n + " (one per " + fk.referencedTable() + " row: the relation is 1:1)");
                    n = parent;
                }
            }
            // a column whose values must differ row to row, of an enum type: no more rows than the enum has values
            for (String col : injectiveColumns(t)) {
                var e = enumOf(t, col);
                if (e != null && n > e.values().size()) {
                    notes.add(t.name() + ": " + e.values().size() + " rows, not " + n + " (" + col + " is unique and its enum has " + e.values().size() + " values)");
                    n = e.values().size();
                }
            }
            KeyAndEnum keyEnum = keyAndEnum(t);
            if (keyEnum != null) {
                long combos = keyEnum.combinations();
                if (n > combos) {
                    List<String> parts = new ArrayList<>(keyEnum.columns());
                    keyEnum.fks().forEach(k -> parts.add(k.referencedTable()));
                    notes.add(t.name() + ": " + combos + " rows, not " + n + " (that many distinct combinations of " + String.join(", ", parts) + " exist)");
                    n = (int) combos;
                }
            }
            List<DbForeignKey> pairKeys = pairKeys(t);
            if (pairKeys != null) {
                long pairs = (long) counts.getOrDefault(key(pairKeys.get(0).referencedSchema(), pairKeys.get(0).referencedTable()), 0)
                        * counts.getOrDefault(key(pairKeys.get(1).referencedSchema(), pairKeys.get(1).referencedTable()), 0);
                if (n > pairs) {
                    notes.add(t.name() + ": " + pairs + " rows, not " + n + " (that many distinct pairs exist)");
                    n = (int) pairs;
                }
            }
            counts.put(key(t), n);
        }
    }

    /** The two foreign keys whose columns together are a unique set of the table (an explicit join model), or null. */
    private static List<DbForeignKey> pairKeys(DbTable t) {
        if (t.foreignKeys().size() < 2) return null;
        for (int a = 0; a < t.foreignKeys().size(); a++) {
            for (int b = a + 1; b < t.foreignKeys().size(); b++) {
                // a key unique on its own makes the table one-to-one with its parent, not a join model of pairs
                // (civitai's ModelReport: @@id([reportId, modelId]) and reportId @unique)
                if (isUniqueSet(t, t.foreignKeys().get(a).columns()) || isUniqueSet(t, t.foreignKeys().get(b).columns())) continue;
                Set<String> cols = new HashSet<>(t.foreignKeys().get(a).columns());
                cols.addAll(t.foreignKeys().get(b).columns());
                if (isUniqueSet(t, List.copyOf(cols))) return List.of(t.foreignKeys().get(a), t.foreignKeys().get(b));
            }
        }
        return null;
    }

    private static boolean isUniqueSet(DbTable t, List<String> columns) {
        Set<String> want = new HashSet<>(columns);
        if (t.primaryKey() != null && new HashSet<>(t.primaryKey().columns()).equals(want)) return true;
        return t.indexes().stream().anyMatch(ix -> ix.unique() && ix.where() == null
                && new HashSet<>(ix.columns().stream().map(DbIndexColumn::name).toList()).equals(want));
    }

    /**
     * A unique set made of enum columns and required foreign keys' columns (civitai's UserMetric, {@code @@id([userId,
     * timeframe])}; its reactions, {@code @@unique([reviewId, userId, reaction])}; langfuse's notification preferences,
     * two keys and two enums): its rows are the combinations, enumerated as the digits of the row number, the enums'
     * first (so a table seeds as many rows as there are combinations, not as many as one enum has values).
     */
    record KeyAndEnum(List<DbForeignKey> fks, List<String> columns, List<Integer> bases) {
        long combinations() {
            long n = 1;
            for (int base : bases) n *= base;
            return n;
        }

        /** Row {@code row}'s digit at {@code place}: the enums' first (base: their sizes), then the keys' (base: their parents' row counts). */
        int digit(int place, int row) {
            long rest = row;
            for (int i = 0; i < place; i++) rest /= bases.get(i);
            return (int) (rest % bases.get(place));
        }
    }

    private KeyAndEnum keyAndEnum(DbTable t) {
        if (pairKeys(t) != null) return null;
        for (List<String> u : uniqueSets(t)) {
            List<String> rest = new ArrayList<>(u);
            List<DbForeignKey> fks = new ArrayList<>();
            for (DbForeignKey fk : t.foreignKeys()) {
                // required keys only: an optional one may point forward and be linked after the load, at random
                boolean required = fk.columns().stream().allMatch(c -> t.column(c).map(DbColumn::notNull).orElse(false));
                if (!required || isUniqueSet(t, fk.columns()) || !u.containsAll(fk.columns())) continue;
                fks.add(fk);
                rest.removeAll(fk.columns());
            }
            if (rest.isEmpty() || rest.stream().anyMatch(c -> enumOf(t, c) == null || t.foreignKeys().stream().anyMatch(k -> k.columns().contains(c)))) continue;
            // one enum on its own is injective already (capped at its values); with keys or other enums it is a digit
            if (fks.isEmpty() && rest.size() == 1) continue;
            // parents come first in the dependency order, so their counts are final here
            List<Integer> bases = new ArrayList<>(rest.stream().map(c -> enumOf(t, c).values().size()).toList());
            for (DbForeignKey k : fks) bases.add(counts.getOrDefault(key(k.referencedSchema(), k.referencedTable()), 0));
            return new KeyAndEnum(List.copyOf(fks), List.copyOf(rest), List.copyOf(bases));
        }
        return null;
    }

    private static List<List<String>> uniqueSets(DbTable t) {
        List<List<String>> out = new ArrayList<>();
        if (t.primaryKey() != null) out.add(t.primaryKey().columns());
        for (DbIndex ix : t.indexes()) if (ix.unique() && ix.where() == null) out.add(ix.columns().stream().map(DbIndexColumn::name).toList());
        return out;
    }

    /** The enum type of a column, or null. */
    private dev.dbtool.core.physical.DbEnum enumOf(DbTable t, String column) {
        String type = t.column(column).map(DbColumn::type).orElse("");
        for (var e : db.enums()) if (type.equals(e.qualifiedName()) || type.equals(e.name()) || type.equals("\"" + e.name() + "\"")) return e;
        return null;
    }

    /**
     * Columns that must hold distinct values on their own or as the injective part of a composite unique: of a composite
     * unique's columns outside foreign keys, the first that is not an enum (or Boolean) when there is one (ghostfolio's MarketData,
     * {@code @@unique([dataSource, date, symbol])}: distinct dates, any data source, not at most as many rows as the enum
     * has values).
     */
    private Set<String> injectiveColumns(DbTable t) {
        Set<String> fkColumns = new HashSet<>();
        t.foreignKeys().forEach(fk -> fkColumns.addAll(fk.columns()));
        Set<String> out = new HashSet<>();
        List<List<String>> uniques = new ArrayList<>();
        if (t.primaryKey() != null) uniques.add(t.primaryKey().columns());
        for (DbIndex ix : t.indexes()) if (ix.unique()) uniques.add(ix.columns().stream().map(DbIndexColumn::name).toList());
        KeyAndEnum keyEnum = keyAndEnum(t);
        for (List<String> u : uniques) {
            // the parent × value enumeration makes that set's rows distinct
            if (keyEnum != null && u.containsAll(keyEnum.columns()) && keyEnum.fks().stream().allMatch(k -> u.containsAll(k.columns()))) continue;
            List<String> free = u.stream().filter(c -> !fkColumns.contains(c)).toList();
            if (free.isEmpty()) continue;
            out.add(free.stream().filter(c -> enumOf(t, c) == null && !t.column(c).map(DbColumn::type).orElse("").equalsIgnoreCase("BOOLEAN")).findFirst()
                    .orElse(free.get(0)));
        }
        return out;
    }

    private SeedTable table(DbTable t, Set<String> done, List<Runnable> linkLater) {
        Model m = modelByTable.get(key(t));
        int n = counts.get(key(t));
        TableValues tv = new TableValues(t.name());
        values.put(key(t), tv);
        // A column in several foreign keys takes its value from the widest (a composite key decides all its columns);
        // where that key is left NULL, a required column falls back to the next key that covers it.
        Map<String, List<DbForeignKey>> fksOf = new HashMap<>();
        List<DbForeignKey> widestFirst = new ArrayList<>(t.foreignKeys());
        widestFirst.sort((a, b) -> Integer.compare(b.columns().size(), a.columns().size()));
        for (DbForeignKey fk : widestFirst) for (String c : fk.columns()) fksOf.computeIfAbsent(c, x -> new ArrayList<>()).add(fk);
        Set<String> injective = injectiveColumns(t);
        List<DbForeignKey> pair = pairKeys(t);
        KeyAndEnum keyEnum = keyAndEnum(t);
        SharedKeyChoice shared = sharedChoice(t, done, pair, keyEnum);
        List<String> columns = new ArrayList<>();
        List<String> after = new ArrayList<>();
        Map<DbForeignKey, List<String>> deferred = new LinkedHashMap<>();
        for (DbColumn c : t.columns()) {
            ScalarField f = fieldOf(m, c.name());
            List<DbForeignKey> covering = fksOf.getOrDefault(c.name(), List.of());
            DbForeignKey fk = covering.isEmpty() ? null : covering.get(0);
            if (fk != null) {
                String parentKey = key(fk.referencedSchema(), fk.referencedTable());
                boolean forward = !done.contains(parentKey) && !parentKey.equals(key(t));
                if (forward) {
                    deferred.computeIfAbsent(fk, x -> new ArrayList<>()).add(c.name());
                    if (c.notNull()) throw new IllegalArgumentException(t.name() + "." + c.name() + " is required but points forward");
                    continue;
                }
                columns.add(c.name());
                List<ColumnValues> chain = new ArrayList<>();
                for (DbForeignKey k : covering) {
                    String pk = key(k.referencedSchema(), k.referencedTable());
                    if (done.contains(pk) || pk.equals(key(t))) chain.add(foreignValues(t, k, c.name(), pair, keyEnum, shared, pk));
                }
                boolean required = c.notNull();
                tv.put(c.name(), row -> {
                    for (ColumnValues v : chain) {
                        String value = v.at(row);
                        if (value != null || !required) return value;
                    }
                    return null;
                });
                continue;
            }
            if (f == null || f.kind() instanceof FieldKind.Unsupported) {
                if (c.notNull() && c.defaultSql() == null) {
                    throw new IllegalArgumentException(t.name() + "." + c.name() + " has a type dbtool cannot generate (" + c.type() + ") and no default");
                }
                continue;
            }
            columns.add(c.name());
            tv.put(c.name(), keyEnum != null && keyEnum.columns().contains(c.name()) ? enumDigit(f, keyEnum, keyEnum.columns().indexOf(c.name()))
                    : scalarValues(t, c, f, injective.contains(c.name())));
        }
        for (DbColumn c : t.columns()) {
            if (c.type().endsWith("SERIAL") && columns.contains(c.name())) {
                after.add("SELECT setval(pg_get_serial_sequence(" + SqlNames.literal(t.qualifiedName()) + ", " + SqlNames.literal(c.name())
                        + "), " + Math.max(n, 1) + ", " + (n > 0) + ")");
            }
        }
        // The list is shared with the SeedTable and completed once (before the plan is returned), when the tables the
        // forward keys point at have their values too.
        List<SeedLink> links = new ArrayList<>();
        linkLater.add(() -> {
            for (DbForeignKey fk : deferred.keySet()) {
                SeedLink link = deferredLink(t, fk, n, tv);
                if (link != null) links.add(link);
            }
        });
        List<String> cols = List.copyOf(columns);
        return new SeedTable(t.qualifiedName(), t.name(), cols, () -> new Iterator<>() {
            int row;

            public boolean hasNext() { return row < n; }

            public String[] next() {
                if (row >= n) throw new NoSuchElementException();
                String[] r = new String[cols.size()];
                for (int i = 0; i < r.length; i++) r[i] = tv.at(cols.get(i), row);
                row++;
                return r;
            }
        }, List.copyOf(after), java.util.Collections.unmodifiableList(links), n);
    }

    /**
     * The {@link SharedKeyChoice} of a table whose required foreign keys share columns, or null when it has none (or when
     * its keys are enumerated another way, point forward or at the table itself, or are 1:1).
     */
    private SharedKeyChoice sharedChoice(DbTable t, Set<String> done, List<DbForeignKey> pair, KeyAndEnum keyEnum) {
        List<String> shared = SharedKeyChoice.sharedColumns(t.foreignKeys());
        if (shared.isEmpty()) return null;
        List<DbForeignKey> group = t.foreignKeys().stream().filter(k -> k.columns().containsAll(shared)).toList();
        Map<DbForeignKey, Integer> rows = new HashMap<>();
        Map<DbForeignKey, java.util.function.BiFunction<String, Integer, String>> value = new HashMap<>();
        for (DbForeignKey k : t.foreignKeys()) {
            boolean touches = k.columns().stream().anyMatch(shared::contains);
            if (touches && !group.contains(k)) return null; // keys holding only some of the shared columns: left to chance, as before
            if (!touches) continue;
            String pk = key(k.referencedSchema(), k.referencedTable());
            boolean required = k.columns().stream().allMatch(c -> t.column(c).map(DbColumn::notNull).orElse(false));
            if (!done.contains(pk) || pk.equals(key(t)) || !required || isUniqueSet(t, k.columns()) || (pair != null && pair.contains(k))
                    || (keyEnum != null && keyEnum.fks().contains(k))) return null;
            rows.put(k, counts.get(pk));
            TableValues parent = values.get(pk);
            value.put(k, parent::at);
        }
        if (group.size() < 2) return null;
        SharedKeyChoice choice = new SharedKeyChoice(t.name(), group, shared, rows, value, options.seed());
        if (!choice.possible() && counts.get(key(t)) > 0) {
            throw new IllegalArgumentException(t.name() + ": no rows of " + String.join(", ", group.stream().map(DbForeignKey::referencedTable).distinct().toList())
                    + " share a value of " + String.join(", ", shared) + ", which its keys need: seed more rows of them");
        }
        return choice;
    }

    private ScalarField fieldOf(Model m, String column) {
        return m.scalarFields().stream().filter(f -> f.columnName().equals(column)).findFirst().orElse(null);
    }

    private ColumnValues foreignValues(DbTable t, DbForeignKey fk, String column, List<DbForeignKey> pair, KeyAndEnum keyEnum, SharedKeyChoice shared,
                                       String parentKey) {
        TableValues parent = values.get(parentKey);
        int parents = counts.get(parentKey);
        String refColumn = fk.referencedColumns().get(fk.columns().indexOf(column));
        boolean optional = fk.columns().stream().anyMatch(c -> !t.column(c).map(DbColumn::notNull).orElse(true));
        boolean self = parentKey.equals(key(t));
        boolean oneToOne = isUniqueSet(t, fk.columns());
        long seed = options.seed();
        String fkName = fk.name();
        return row -> {
            Random r = new Random(SeedRandom.mix(seed, t.name(), row, fkName));
            int j;
            if (shared != null && shared.covers(fk)) {
                j = shared.parentRow(fk, row);
            } else if (keyEnum != null && keyEnum.fks().contains(fk)) {
                j = keyEnum.digit(keyEnum.columns().size() + keyEnum.fks().indexOf(fk), row);
            } else if (pair != null && pair.contains(fk)) {
                DbForeignKey first = pair.get(0);
                int firstCount = counts.get(key(first.referencedSchema(), first.referencedTable()));
                j = fk == first ? row % firstCount : (row / firstCount) % parents;
            } else if (oneToOne) {
                j = row;
            } else if (self) {
                if (row == 0 || r.nextDouble() < NULL_SHARE) return null;
                j = r.nextInt(row);
            } else {
                if (optional && r.nextDouble() < NULL_SHARE) return null;
                if (parents == 0) return null;
                j = r.nextInt(parents);
            }
            return parent.at(refColumn, j);
        };
    }

    /** Optional keys to tables filled later: per linked row, its primary key and the parent's key it points at. */
    private SeedLink deferredLink(DbTable t, DbForeignKey fk, int n, TableValues own) {
        String parentKey = key(fk.referencedSchema(), fk.referencedTable());
        List<String> pk = t.primaryKey() == null ? List.of() : t.primaryKey().columns();
        if (pk.isEmpty()) {
            notes.add(t.name() + "." + String.join(",", fk.columns()) + " left NULL: the table has no primary key to update by");
            return null;
        }
        TableValues parent = values.get(parentKey);
        int parents = counts.get(parentKey);
        if (parent == null || parents == 0) return null;
        boolean oneToOne = isUniqueSet(t, fk.columns());
        int last = oneToOne ? Math.min(n, parents) : n;
        long seed = options.seed();
        return new SeedLink(t.qualifiedName(), t.name(), pk, fk.columns(), () -> new Iterator<>() {
            int row = -1;
            int partner = -1;

            private void advance() {
                while (partner < 0 && row + 1 < last) {
                    row++;
                    Random r = new Random(SeedRandom.mix(seed, t.name(), row, fk.name()));
                    if (r.nextDouble() < NULL_SHARE) continue;
                    partner = oneToOne ? row : r.nextInt(parents);
                }
            }

            public boolean hasNext() {
                advance();
                return partner >= 0;
            }

            public String[] next() {
                if (!hasNext()) throw new NoSuchElementException();
                String[] out = new String[pk.size() + fk.columns().size()];
                for (int i = 0; i < pk.size(); i++) out[i] = own.at(pk.get(i), row);
                for (int i = 0; i < fk.columns().size(); i++) out[pk.size() + i] = parent.at(fk.referencedColumns().get(i), partner);
                partner = -1;
                return out;
            }
        });
    }

    static String literal(String text) { return text == null ? "NULL" : SqlNames.literal(text); }

    private ColumnValues scalarValues(DbTable t, DbColumn c, ScalarField f, boolean injective) {
        long seed = options.seed();
        String table = t.name();
        String column = c.name();
        Random random = new Random();
        Faker faker = new Faker(random);
        List<String> enumValues = f.kind() instanceof FieldKind.Enum e
                ? schema.enumType(e.name()).orElseThrow().values().stream().map(EnumType.EnumValue::databaseName).toList() : List.of();
        String baseType = c.type().endsWith("[]") ? c.type().substring(0, c.type().length() - 2) : c.type();
        Function<Faker, String> fake = FakeValues.of(f, baseType, enumValues, random);
        boolean list = c.type().endsWith("[]");
        boolean optional = !c.notNull() && !list;
        boolean uuidKey = f.defaultValue() instanceof DefaultValue.Function fn && fn.name().equals("uuid") || baseType.equals("UUID");
        return row -> {
            random.setSeed(SeedRandom.mix(seed, table, row, column));
            if (f.extensions().hashed()) return secrets.passwordHash();
            if (optional && !injective && random.nextDouble() < NULL_SHARE) return null;
            if (injective) return unique(f, baseType, fake, faker, row, uuidKey, enumValues, seed, table);
            if (list) {
                int k = random.nextInt(4);
                List<String> items = new ArrayList<>();
                for (int i = 0; i < k; i++) items.add(arrayItem(fake.apply(faker)));
                return "{" + String.join(",", items) + "}";
            }
            String v = fake.apply(faker);
            return f.extensions().encrypted() ? secrets.encrypt(v, SeedRandom.mix(seed, table, row, column + "#nonce")) : v;
        };
    }

    /** Row i's value of an enum column enumerated in a combination ({@link KeyAndEnum}): its digit of i. */
    private ColumnValues enumDigit(ScalarField f, KeyAndEnum ke, int place) {
        List<String> values = schema.enumType(((FieldKind.Enum) f.kind()).name()).orElseThrow().values().stream().map(EnumType.EnumValue::databaseName).toList();
        return row -> values.get(ke.digit(place, row));
    }

    /** A value no other row has: the row number is part of it. */
    private String unique(ScalarField f, String sqlType, Function<Faker, String> fake, Faker faker, int row, boolean uuidKey,
                          List<String> enumValues, long seed, String table) {
        if (f.kind() instanceof FieldKind.Enum) {
            if (row >= enumValues.size()) throw new IllegalArgumentException(table + "." + f.columnName() + " is unique but has only "
                    + enumValues.size() + " enum values: seed fewer rows");
            return enumValues.get(row);
        }
        if (uuidKey) {
            long hi = SeedRandom.mix(seed, table, row, "uuid-hi");
            return new java.util.UUID((hi & ~0xF000L) | 0x4000L, ((long) row & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L).toString();
        }
        FieldKind.Scalar s = (FieldKind.Scalar) f.kind();
        switch (s.type()) {
            case Int, BigInt, Decimal, Float -> {
                return Long.toString(row + 1L);
            }
            case DateTime -> {
                // a date column keeps only the day: one day per row (civitai's LeaderboardResult, @@unique([…, date, …]))
                if (sqlType.equals("DATE")) return FakeValues.BASE.minusSeconds(row * 86_400L).toString().substring(0, 10);
                if (sqlType.startsWith("TIME") && !sqlType.startsWith("TIMESTAMP")) return java.time.LocalTime.MIDNIGHT.minusSeconds(row + 1L).toString();
                return FakeValues.BASE.minusSeconds(row).toString().replace('T', ' ').replace("Z", "");
            }
            case Boolean -> {
                if (row > 1) throw new IllegalArgumentException(table + "." + f.columnName() + " is a unique Boolean: at most 2 rows");
                return row == 0 ? "false" : "true";
            }
            case Bytes -> {
                return "\\x" + String.format("%016x", (long) row);
            }
            default -> { }
        }
        boolean generatedId = f.defaultValue() instanceof DefaultValue.Function fn && !fn.name().equals("now");
        String suffix = Integer.toString(row, 36);
        String base = generatedId ? "c" + Long.toString(SeedRandom.mix(seed, table, row, "cuid") & Long.MAX_VALUE, 36) : fake.apply(faker);
        int max = FakeValues.maxLength(f, sqlType);
        int at = base.indexOf('@');
        if (at > 0 && !generatedId) { // emails stay emails: local+row@domain, when that fits
            String v = base.substring(0, at) + "+" + suffix + base.substring(at);
            if (max < 0 || v.length() <= max) return v;
        }
        String sep = generatedId ? "" : "-";
        if (max >= 0 && base.length() + sep.length() + suffix.length() > max) {
            base = base.substring(0, Math.max(0, max - sep.length() - suffix.length()));
        }
        return base + sep + suffix;
    }

    private static String arrayItem(String v) {
        return "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private SeedTable joinTable(DbTable t) {
        Relation r = joinTables.get(key(t));
        Model a = schema.model(r.ownerModel()).orElseThrow();
        Model b = schema.model(r.backModel()).orElseThrow();
        String aKey = key(schemaOf(a.schema()), a.tableName());
        String bKey = key(schemaOf(b.schema()), b.tableName());
        TableValues av = values.get(aKey);
        TableValues bv = values.get(bKey);
        String aId = t.foreignKeys().stream().filter(fk -> fk.columns().equals(List.of("A"))).findFirst().orElseThrow().referencedColumns().get(0);
        String bId = t.foreignKeys().stream().filter(fk -> fk.columns().equals(List.of("B"))).findFirst().orElseThrow().referencedColumns().get(0);
        int na = counts.get(aKey);
        int nb = counts.get(bKey);
        long seed = options.seed();
        String name = t.name();
        return new SeedTable(t.qualifiedName(), t.name(), List.of("A", "B"), () -> new Iterator<>() {
            int row = -1;
            int[] partners = new int[0];
            int next;

            private void advance() {
                while (next >= partners.length && row + 1 < na) {
                    row++;
                    Random rnd = new Random(SeedRandom.mix(seed, name, row, "partners"));
                    int k = Math.min(nb, rnd.nextInt(4));
                    Set<Integer> chosen = new LinkedHashSet<>();
                    while (chosen.size() < k) chosen.add(rnd.nextInt(nb));
                    partners = chosen.stream().mapToInt(Integer::intValue).toArray();
                    next = 0;
                }
            }

            public boolean hasNext() {
                advance();
                return next < partners.length;
            }

            public String[] next() {
                if (!hasNext()) throw new NoSuchElementException();
                return new String[] {av.at(aId, row), bv.at(bId, partners[next++])};
            }
        }, List.of(), List.of(), Math.min(nb, 3) == 0 ? 0 : (long) na * Math.min(nb, 3) / 2); // 0–3 partners each, 1.5 on average
    }

    /** The value functions of one table's columns, shared with the children that point at it. */
    private static final class TableValues {
        private final String table;
        private final Map<String, ColumnValues> columns = new HashMap<>();

        TableValues(String table) { this.table = table; }

        void put(String column, ColumnValues v) { columns.put(column, v); }

        String at(String column, int row) {
            ColumnValues v = columns.get(column);
            if (v == null) throw new IllegalArgumentException(table + "." + column + " is referenced but not generated");
            return v.at(row);
        }
    }
}
