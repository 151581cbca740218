package dev.dbtool.runtime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Prisma's nested writes inside one mutation's transaction: a create or update input names relations next to its
 * fields ({@code author: {connect: {email: …}}}, {@code tags: {connectOrCreate: […]}}, {@code posts: {create: […],
 * update: [{where, data}], delete: […], set: […]}}). The whole input tree is checked first — every validation problem at
 * once, with its full path, before any SQL — then written in order: rows this one points at before it, rows pointing
 * at it (and many-to-many links) after it. Each related row is reached as the caller may reach it: connecting or
 * reading needs the target's read scope and finds only rows its row rule lets through; creating, changing or deleting
 * needs its write scope, and a written row must stay visible. One instance serves one mutation field.
 */
public final class NestedWrites {
    /** How deep inputs may nest, and how many nested operations one mutation field may carry. */
    public static final int MAX_DEPTH = 8;
    public static final int MAX_OPERATIONS = 1000;

    /** How a relation is stored, seen from the type that has the field. */
    public enum Kind { TO_ONE_OWNER, TO_ONE_BACK, TO_MANY_BACK, MANY_TO_MANY }

    /**
     * A relation field: {@code localFields} of this type match {@code remoteFields} of the target, in order (for an
     * owner, the foreign key and the fields it references; for a back relation, the referenced fields and the target's
     * foreign key). Several for a composite foreign key.
     */
    public record Relation(Kind kind, String target, List<String> localFields, List<String> remoteFields) {
        public Relation {
            localFields = List.copyOf(localFields);
            remoteFields = List.copyOf(remoteFields);
        }
    }

    /**
     * What nested writes need of one type (generated in its wiring): its write scope, key, single-field uniques and
     * compound uniques (an input field such as {@code followerId_followingId} → the key's fields, Prisma's names), the
     * scopes of {@code @auth} input fields, its relations, and typed create / update / validation / field access.
     */
    public record Model(String type, String writeScope, List<String> key, List<String> uniques, Map<String, List<String>> compounds, Map<String, String> inputScopes,
                        Map<String, Relation> relations, Creator create, Updater update, Check checkCreate, Check checkUpdate, Accessor value) {}

    @FunctionalInterface
    public interface Creator { Object create(Connection c, ApiEngine api, Map<String, Object> input) throws SQLException; }

    @FunctionalInterface
    public interface Updater { Optional<?> update(Connection c, ApiEngine api, List<Object> key, Map<String, Object> input) throws SQLException; }

    /** Throws BAD_USER_INPUT with every problem of the input (paths under {@code data}). */
    @FunctionalInterface
    public interface Check { void check(Map<String, Object> input); }

    @FunctionalInterface
    public interface Accessor { Object value(Object row, String field); }

    /** A row written (or deleted), for the cache after the commit. */
    public record Written(String type, List<Object> ids, boolean deleted, boolean created) {}

    private static final String REQUIRED = "Required.";
    /** The order a relation's nested writes run in, whatever order the input gives them: detach first, then attach. */
    private static final List<String> ORDER = List.of("set", "disconnect", "delete", "update", "upsert", "create", "connect", "connectOrCreate");
    private final ApiEngine api;
    private final Principal principal;
    private final List<Written> written = new ArrayList<>();
    private int operations;

    private NestedWrites(ApiEngine api, Principal principal) {
        this.api = api;
        this.principal = principal;
    }

    public static NestedWrites of(ApiEngine api, Principal principal) { return new NestedWrites(api, principal); }

    /** The rows written through relations (the top-level row is the resolver's), for cache invalidation after the commit. */
    public List<Written> written() { return List.copyOf(written); }

    // ---- checking, before any SQL ----

    /**
     * Checks the create input of argument {@code argument} and everything nested in it; BAD_USER_INPUT with every
     * problem, FORBIDDEN for a missing scope.
     */
    public void checkCreate(String type, Object input, String argument) { check(type, input, true, argument); }

    public void checkUpdate(String type, Object input, String argument) { check(type, input, false, argument); }

    private void check(String type, Object input, boolean create, String argument) {
        List<ApiException.Problem> problems = new ArrayList<>();
        check(type, Inputs.object(input), create, List.of(argument), Set.of(), problems, 0);
        if (!problems.isEmpty()) throw ApiException.invalid(problems);
    }

    private void check(String type, Map<String, Object> input, boolean create, List<Object> path, Set<String> filledByParent, List<ApiException.Problem> problems,
            int depth) {
        Model m = model(type);
        if (depth > MAX_DEPTH) throw ApiException.badUserInput(path, "Nested writes go at most " + MAX_DEPTH + " levels deep.");
        Map<String, Object> scalars = scalars(m, input);
        for (Map.Entry<String, Object> e : scalars.entrySet()) {
            String scope = m.inputScopes().get(e.getKey());
            if (scope != null && (e.getValue() != null || !create)) Auth.require(principal, scope); // clearing a guarded field needs its scope too
            if (filledByParent.contains(e.getKey())) problems.add(new ApiException.Problem(at(path, e.getKey()), "Set by the relation this input is nested in; leave it out."));
        }
        Set<String> filled = new HashSet<>(filledByParent);
        for (Map.Entry<String, Relation> r : m.relations().entrySet()) {
            Object ops = input.get(r.getKey());
            if (ops == null) continue;
            Relation rel = r.getValue();
            if (rel.kind() == Kind.TO_ONE_OWNER) {
                for (String local : rel.localFields()) {
                    if (scalars.containsKey(local)) {
                        problems.add(new ApiException.Problem(at(path, r.getKey()), "Pass either `" + local + "` or `" + r.getKey() + "`, not both."));
                    }
                }
                if (rel.localFields().stream().anyMatch(filledByParent::contains)) {
                    problems.add(new ApiException.Problem(at(path, r.getKey()), "Set by the relation this input is nested in; leave it out."));
                }
                filled.addAll(rel.localFields());
            }
            checkRelation(m, r.getKey(), rel, Inputs.object(ops), create, at(path, r.getKey()), problems, depth);
        }
        try {
            (create ? m.checkCreate() : m.checkUpdate()).check(scalars);
        } catch (ApiException e) {
            if (e.problems().isEmpty()) throw e;
            for (ApiException.Problem p : e.problems()) {
                List<Object> full = new ArrayList<>(path);
                full.addAll(p.path().subList(Math.min(1, p.path().size()), p.path().size())); // the check's paths start at "data"
                if (REQUIRED.equals(p.message()) && filled.contains(String.valueOf(full.get(full.size() - 1)))) continue;
                problems.add(new ApiException.Problem(full, p.message()));
            }
        }
    }

    private void checkRelation(Model parent, String field, Relation r, Map<String, Object> ops, boolean create, List<Object> path, List<ApiException.Problem> problems,
            int depth) {
        Model target = model(r.target());
        FilterModel targetFilter = api.filterModel(r.target());
        boolean many = r.kind() == Kind.TO_MANY_BACK || r.kind() == Kind.MANY_TO_MANY;
        Set<String> fill = r.kind() == Kind.TO_MANY_BACK || r.kind() == Kind.TO_ONE_BACK ? Set.copyOf(r.remoteFields()) : Set.of();
        int given = 0;
        for (Map.Entry<String, Object> op : ops.entrySet()) {
            if (op.getValue() == null) continue;
            given++;
            List<Object> at = at(path, op.getKey());
            List<Object> items = many && !(op.getValue() instanceof Boolean) ? list(op.getValue()) : List.of(op.getValue());
            operations += items.size();
            if (operations > MAX_OPERATIONS) throw ApiException.badUserInput(at, "One mutation field takes at most " + MAX_OPERATIONS + " nested writes.");
            for (int i = 0; i < items.size(); i++) {
                List<Object> itemPath = many && items.size() > 0 && op.getValue() instanceof List ? at(at, i) : at;
                Object item = items.get(i);
                switch (op.getKey()) {
                    case "create" -> {
                        requireWrite(target);
                        check(r.target(), Inputs.object(item), true, itemPath, fill, problems, depth + 1);
                    }
                    case "connect" -> {
                        requireRead(targetFilter);
                        if (r.kind() == Kind.TO_ONE_BACK || r.kind() == Kind.TO_MANY_BACK) requireWrite(target);
                        unique(target, item, itemPath, problems);
                    }
                    case "connectOrCreate" -> {
                        requireRead(targetFilter);
                        requireWrite(target);
                        Map<String, Object> both = Inputs.object(item);
                        unique(target, both.get("where"), at(itemPath, "where"), problems);
                        check(r.target(), Inputs.object(both.get("create")), true, at(itemPath, "create"), fill, problems, depth + 1);
                    }
                    case "disconnect", "set" -> {
                        if (create) problems.add(new ApiException.Problem(at, "`" + op.getKey() + "` is for updates."));
                        requireRead(targetFilter);
                        if (r.kind() != Kind.MANY_TO_MANY) requireWrite(target);
                        if (!nullable(parent, target, r)) {
                            problems.add(new ApiException.Problem(at, "`" + field + "` cannot be left without a " + (r.kind() == Kind.TO_ONE_OWNER ? r.target()
                                    : parent.type()) + ": its foreign key is required."));
                        } else if (many) {
                            unique(target, item, itemPath, problems);
                        } else if (!Boolean.TRUE.equals(item)) {
                            problems.add(new ApiException.Problem(at, "Pass `disconnect: true` or leave it out."));
                        }
                    }
                    case "delete" -> {
                        if (create) problems.add(new ApiException.Problem(at, "`delete` is for updates."));
                        if (r.kind() == Kind.TO_ONE_OWNER) problems.add(new ApiException.Problem(at, "Delete the " + r.target() + " itself; this row points at it."));
                        requireRead(targetFilter);
                        requireWrite(target);
                        if (many) unique(target, item, itemPath, problems);
                        else if (!Boolean.TRUE.equals(item)) problems.add(new ApiException.Problem(at, "Pass `delete: true` or leave it out."));
                    }
                    case "update" -> {
                        if (create) problems.add(new ApiException.Problem(at, "`update` is for updates."));
                        requireRead(targetFilter);
                        requireWrite(target);
                        if (many) {
                            Map<String, Object> both = Inputs.object(item);
                            unique(target, both.get("where"), at(itemPath, "where"), problems);
                            check(r.target(), Inputs.object(both.get("data")), false, at(itemPath, "data"), fill, problems, depth + 1);
                        } else {
                            check(r.target(), Inputs.object(item), false, itemPath, fill, problems, depth + 1);
                        }
                    }
                    case "upsert" -> {
                        if (create) problems.add(new ApiException.Problem(at, "`upsert` is for updates."));
                        requireRead(targetFilter);
                        requireWrite(target);
                        Map<String, Object> all = Inputs.object(item);
                        if (many) unique(target, all.get("where"), at(itemPath, "where"), problems);
                        check(r.target(), Inputs.object(all.get("create")), true, at(itemPath, "create"), fill, problems, depth + 1);
                        check(r.target(), Inputs.object(all.get("update")), false, at(itemPath, "update"), fill, problems, depth + 1);
                    }
                    default -> problems.add(new ApiException.Problem(at, "Unknown nested write `" + op.getKey() + "`."));
                }
            }
        }
        if (!many && given > 1) problems.add(new ApiException.Problem(path, "A single relation takes one nested write."));
    }

    /** Whether the relation's foreign key may be null (all its columns): only then can a row be disconnected (many-to-many links always can). */
    private boolean nullable(Model parent, Model target, Relation r) {
        return switch (r.kind()) {
            case MANY_TO_MANY -> true;
            case TO_ONE_OWNER -> r.localFields().stream().allMatch(f -> column(parent.type(), f).nullable());
            case TO_ONE_BACK, TO_MANY_BACK -> r.remoteFields().stream().allMatch(f -> column(target.type(), f).nullable());
        };
    }

    private void unique(Model target, Object where, List<Object> path, List<ApiException.Problem> problems) {
        Map<String, Object> in = where == null ? Map.of() : Inputs.object(where);
        List<String> names = uniqueNames(target);
        long given = names.stream().filter(f -> in.get(f) != null).count();
        if (names.isEmpty()) problems.add(new ApiException.Problem(path, target.type() + " has no unique to name a row by."));
        else if (given != 1) problems.add(new ApiException.Problem(path, "Pass exactly one of " + String.join(", ", names) + "."));
    }

    /** What a unique input of {@code target} may name a row by: single-field uniques, then compound ones. */
    private static List<String> uniqueNames(Model target) {
        List<String> out = new ArrayList<>(target.uniques());
        out.addAll(target.compounds().keySet());
        return out;
    }

    private void requireWrite(Model target) {
        if (target.writeScope() != null) Auth.require(principal, target.writeScope());
    }

    private void requireRead(FilterModel target) {
        if (target.readScope() != null) Auth.require(principal, target.readScope());
    }

    // ---- writing, inside the transaction ----

    /**
     * Announces the rows written through relations to subscriptions (of the types that have them), inside the
     * transaction: call last. Deleted rows were announced as they went; the mutation's own row ({@code type}, {@code
     * ids}) is the resolver's to announce.
     */
    public void publish(Connection c, String type, List<Object> ids) throws SQLException {
        Map<String, Map<Events.Op, List<List<Object>>>> byType = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        seen.add(type + "|" + ids);
        for (Written w : written) {
            if (w.deleted() || !api.publishes(w.type()) || !seen.add(w.type() + "|" + w.ids())) continue;
            byType.computeIfAbsent(w.type(), t -> new LinkedHashMap<>()).computeIfAbsent(w.created() ? Events.Op.CREATED : Events.Op.UPDATED, o -> new ArrayList<>())
                    .add(w.ids());
        }
        for (Map.Entry<String, Map<Events.Op, List<List<Object>>>> t : byType.entrySet()) {
            for (Map.Entry<Events.Op, List<List<Object>>> e : t.getValue().entrySet()) Events.changed(c, t.getKey(), e.getKey(), e.getValue());
        }
    }

    /**
     * The input's own fields, with the foreign keys of the rows it points at filled in: those connected (found by a
     * unique the caller may read), created first, or disconnected (null). {@code key} is the row's key on update
     * (null on create), for an {@code update} of the row it points at.
     */
    public Map<String, Object> before(Connection c, String type, Object input, List<Object> key, String argument) throws SQLException {
        return before(c, type, Inputs.object(input), key, List.of(argument));
    }

    private Map<String, Object> before(Connection c, String type, Map<String, Object> input, List<Object> key, List<Object> path) throws SQLException {
        Model m = model(type);
        Map<String, Object> out = scalars(m, input);
        for (Map.Entry<String, Relation> e : m.relations().entrySet()) {
            Relation r = e.getValue();
            Object value = input.get(e.getKey());
            if (r.kind() != Kind.TO_ONE_OWNER || value == null) continue;
            List<Object> at = at(path, e.getKey());
            for (Map.Entry<String, Object> op : Inputs.object(value).entrySet()) {
                if (op.getValue() == null) continue;
                List<Object> opPath = at(at, op.getKey());
                switch (op.getKey()) {
                    case "connect" -> put(out, r.localFields(), find(c, r.target(), op.getValue(), r.remoteFields(), opPath).orElseThrow(() -> notFound(r.target(), opPath)));
                    case "create" -> put(out, r.localFields(), values(model(r.target()), create(c, r.target(), Inputs.object(op.getValue()), Map.of(), opPath), r.remoteFields()));
                    case "connectOrCreate" -> {
                        Map<String, Object> both = Inputs.object(op.getValue());
                        Optional<List<Object>> found = find(c, r.target(), both.get("where"), r.remoteFields(), at(opPath, "where"));
                        put(out, r.localFields(), found.isPresent() ? found.get()
                                : values(model(r.target()), create(c, r.target(), Inputs.object(both.get("create")), Map.of(), at(opPath, "create")), r.remoteFields()));
                    }
                    case "disconnect" -> put(out, r.localFields(), java.util.Collections.nCopies(r.localFields().size(), null));
                    case "update" -> {
                        List<Object> fk = current(c, m, key, r.localFields());
                        if (fk == null) throw notFound(r.target(), opPath);
                        List<Object> targetKey = keyWhere(c, r.target(), matching(r.remoteFields(), fk), opPath);
                        update(c, r.target(), targetKey, Inputs.object(op.getValue()), opPath);
                    }
                    case "upsert" -> {
                        // the row this one points at (if the caller may see it) is updated; else one is created and pointed at
                        Map<String, Object> both = Inputs.object(op.getValue());
                        List<Object> fk = current(c, m, key, r.localFields());
                        Optional<List<Object>> existing = fk == null ? Optional.empty() : findKey(c, r.target(), matching(r.remoteFields(), fk), null);
                        if (existing.isPresent()) update(c, r.target(), existing.get(), Inputs.object(both.get("update")), at(opPath, "update"));
                        else put(out, r.localFields(), values(model(r.target()), create(c, r.target(), Inputs.object(both.get("create")), Map.of(), at(opPath, "create")),
                                r.remoteFields()));
                    }
                    default -> throw ApiException.badUserInput(opPath, "Unknown nested write `" + op.getKey() + "`.");
                }
            }
        }
        return out;
    }

    /** The writes through relations that point at {@code row} (just created or updated): children and many-to-many links. */
    public void after(Connection c, String type, Object input, Object row, String argument) throws SQLException {
        after(c, type, Inputs.object(input), row, List.of(argument));
    }

    private void after(Connection c, String type, Map<String, Object> input, Object row, List<Object> path) throws SQLException {
        Model m = model(type);
        for (Map.Entry<String, Relation> e : m.relations().entrySet()) {
            Relation r = e.getValue();
            Object value = input.get(e.getKey());
            if (r.kind() == Kind.TO_ONE_OWNER || value == null) continue;
            List<Object> parent = values(m, row, r.localFields());
            List<Object> at = at(path, e.getKey());
            Map<String, Object> ops = Inputs.object(value);
            for (String name : ORDER) {
                Object opValue = ops.get(name);
                if (opValue == null) continue;
                Map.Entry<String, Object> op = Map.entry(name, opValue);
                boolean listed = op.getValue() instanceof List;
                List<Object> items = listed ? list(op.getValue()) : List.of(op.getValue());
                if (op.getKey().equals("set")) set(c, m, e.getKey(), r, parent, at(at, "set"));
                for (int i = 0; i < items.size(); i++) {
                    List<Object> itemPath = listed ? at(at(at, op.getKey()), i) : at(at, op.getKey());
                    child(c, m, e.getKey(), r, parent, op.getKey(), items.get(i), itemPath);
                }
            }
        }
    }

    /** {@code parentValue}: the parent's values of the relation's local fields (for many-to-many, its one key value). */
    private void child(Connection c, Model parent, String field, Relation r, List<Object> parentValue, String op, Object item, List<Object> path) throws SQLException {
        boolean link = r.kind() == Kind.MANY_TO_MANY;
        Filter mine = link ? null : matching(r.remoteFields(), parentValue);
        switch (op) {
            case "create" -> {
                Map<String, Object> fill = new LinkedHashMap<>();
                if (!link) put(fill, r.remoteFields(), parentValue);
                Object created = create(c, r.target(), Inputs.object(item), fill, path);
                if (link) link(c, parent, field, parentValue, key(model(r.target()), created));
            }
            case "connect", "set" -> connect(c, parent, field, r, parentValue, item, path);
            case "connectOrCreate" -> {
                Map<String, Object> both = Inputs.object(item);
                Optional<List<Object>> found = findKey(c, r.target(), uniqueFilter(model(r.target()), both.get("where"), at(path, "where")), null);
                if (found.isPresent()) connect(c, parent, field, r, parentValue, both.get("where"), at(path, "where"));
                else child(c, parent, field, r, parentValue, "create", both.get("create"), at(path, "create"));
            }
            case "disconnect" -> {
                if (link) {
                    Optional<List<Object>> k = findKey(c, r.target(), uniqueFilter(model(r.target()), item, path), null);
                    if (k.isPresent()) unlink(c, parent, field, parentValue, k.get());
                } else {
                    Filter which = item instanceof Boolean ? mine : uniqueFilter(model(r.target()), item, path).andAlso(mine);
                    List<List<Object>> keys = setForeignKey(c, r.target(), r.remoteFields(), null, which);
                    if (keys.isEmpty() && !(item instanceof Boolean)) throw notFound(r.target(), path);
                }
            }
            case "delete" -> {
                Filter which = item instanceof Boolean ? mine : uniqueFilter(model(r.target()), item, path).andAlso(link ? Filter.ALL : mine);
                List<Object> k = link ? linkedKey(c, parent, field, parentValue, which, path) : keyWhere(c, r.target(), which, path);
                delete(c, r.target(), k, path);
            }
            case "update" -> {
                Map<String, Object> data;
                Filter which;
                if (r.kind() == Kind.TO_ONE_BACK) {
                    data = Inputs.object(item);
                    which = mine;
                } else {
                    Map<String, Object> both = Inputs.object(item);
                    data = Inputs.object(both.get("data"));
                    which = uniqueFilter(model(r.target()), both.get("where"), at(path, "where")).andAlso(link ? Filter.ALL : mine);
                }
                List<Object> k = link ? linkedKey(c, parent, field, parentValue, which, path) : keyWhere(c, r.target(), which, path);
                update(c, r.target(), k, data, r.kind() == Kind.TO_ONE_BACK ? path : at(path, "data"));
            }
            case "upsert" -> {
                // a related row the unique names (for a single relation: the one pointing at this row) is updated; else one is created
                Map<String, Object> all = Inputs.object(item);
                Filter which = r.kind() == Kind.TO_ONE_BACK ? mine
                        : uniqueFilter(model(r.target()), all.get("where"), at(path, "where")).andAlso(link ? Filter.ALL : mine);
                Optional<List<Object>> k = link ? related(c, parent, field, parentValue, which) : findKey(c, r.target(), which, null);
                if (k.isPresent()) update(c, r.target(), k.get(), Inputs.object(all.get("update")), at(path, "update"));
                else child(c, parent, field, r, parentValue, "create", all.get("create"), at(path, "create"));
            }
            default -> throw ApiException.badUserInput(path, "Unknown nested write `" + op + "`.");
        }
    }

    private void connect(Connection c, Model parent, String field, Relation r, List<Object> parentValue, Object where, List<Object> path) throws SQLException {
        Filter unique = uniqueFilter(model(r.target()), where, path);
        if (r.kind() == Kind.MANY_TO_MANY) {
            List<Object> k = findKey(c, r.target(), unique, null).orElseThrow(() -> notFound(r.target(), path));
            link(c, parent, field, parentValue, k);
        } else if (setForeignKey(c, r.target(), r.remoteFields(), parentValue, unique).isEmpty()) {
            throw notFound(r.target(), path);
        }
    }

    /** {@code set}: first detach every related row the caller may see (unlink, or null their foreign key), then connect the given ones. */
    private void set(Connection c, Model parent, String field, Relation r, List<Object> parentValue, List<Object> path) throws SQLException {
        if (r.kind() == Kind.MANY_TO_MANY) {
            FilterModel.Link l = link(parent, field);
            FilterModel target = api.filterModel(r.target());
            String t = "\"t\"";
            SqlFilter.Compiled rule = SqlFilter.compile(api.rule(r.target(), principal), SqlFilter.qualified(target.allColumns(), t), t);
            Column parentKey = column(parent.type(), parent.key().get(0));
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + l.joinTable() + " AS \"j\" WHERE \"j\"." + l.joinOuter() + " = " + parentKey.param()
                    + " AND EXISTS (SELECT 1 FROM " + target.table() + " AS " + t + " WHERE " + t + "." + l.innerColumn() + " = \"j\"." + l.joinInner() + " AND ("
                    + rule.sql() + "))")) {
                Jdbc.bind(ps, 1, parentKey, parentValue.get(0));
                int i = 2;
                for (Object[] p : rule.params()) Jdbc.bind(ps, i++, (Column) p[0], p[1]);
                ps.executeUpdate();
            }
            written.add(new Written(parent.type(), parentValue, false, false));
        } else {
            setForeignKey(c, r.target(), r.remoteFields(), null, matching(r.remoteFields(), parentValue));
        }
    }

    private Object create(Connection c, String type, Map<String, Object> input, Map<String, Object> fill, List<Object> path) throws SQLException {
        Model m = model(type);
        Map<String, Object> scalars = before(c, type, input, null, path);
        scalars.putAll(fill);
        Object row = m.create().create(c, api, scalars);
        List<Object> key = key(m, row);
        mustStayVisible(c, type, key);
        written.add(new Written(type, ids(key), false, true));
        after(c, type, input, row, path);
        return row;
    }

    private void update(Connection c, String type, List<Object> key, Map<String, Object> input, List<Object> path) throws SQLException {
        Model m = model(type);
        Map<String, Object> scalars = before(c, type, input, key, path);
        Object row = m.update().update(c, api, key, scalars).orElseThrow(() -> notFound(type, path));
        mustStayVisible(c, type, key(m, row));
        written.add(new Written(type, ids(key), false, false));
        after(c, type, input, row, path);
    }

    private void delete(Connection c, String type, List<Object> key, List<Object> path) throws SQLException {
        Model m = model(type);
        FilterModel f = api.filterModel(type);
        if (api.publishes(type)) Events.deletingRow(c, type, f.table(), m.key().stream().map(k -> column(type, k)).toList(), key);
        StringBuilder where = new StringBuilder();
        for (String k : m.key()) where.append(where.length() > 0 ? " AND " : "").append(column(type, k).sql()).append(" = ").append(column(type, k).param());
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + f.table() + " WHERE " + where)) {
            for (int i = 0; i < key.size(); i++) Jdbc.bind(ps, i + 1, column(type, m.key().get(i)), key.get(i));
            if (ps.executeUpdate() == 0) throw notFound(type, path);
        }
        written.add(new Written(type, ids(key), true, false));
    }

    /** Points the target rows {@code which} selects (that the caller may see) at {@code values} (null: at nothing); their keys. */
    private List<List<Object>> setForeignKey(Connection c, String type, List<String> fkFields, List<Object> values, Filter which) throws SQLException {
        FilterModel f = api.filterModel(type);
        Model m = model(type);
        List<Column> fk = fkFields.stream().map(x -> column(type, x)).toList();
        Filter rule = api.rule(type, principal);
        SqlFilter.Compiled filter = SqlFilter.compile(which, f.allColumns(), f.table()).and(SqlFilter.compile(rule, f.allColumns(), f.table()));
        String returning = String.join(", ", m.key().stream().map(k -> column(type, k).sql()).toList());
        String set = String.join(", ", fk.stream().map(col -> col.sql() + " = " + col.param()).toList());
        List<List<Object>> keys = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + f.table() + " SET " + set + " WHERE " + filter.sql() + " RETURNING " + returning)) {
            for (int j = 0; j < fk.size(); j++) Jdbc.bind(ps, j + 1, fk.get(j), values == null ? null : values.get(j));
            int i = fk.size() + 1;
            for (Object[] p : filter.params()) Jdbc.bind(ps, i++, (Column) p[0], p[1]);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) keys.add(row(rs, m.key().size()));
            }
        }
        for (List<Object> k : keys) {
            mustStayVisible(c, type, k);
            written.add(new Written(type, ids(k), false, false));
        }
        return keys;
    }

    private void link(Connection c, Model parent, String field, List<Object> parentValue, List<Object> targetKey) throws SQLException {
        FilterModel.Link l = link(parent, field);
        Column outer = column(parent.type(), parent.key().get(0));
        Column inner = column(l.target(), model(l.target()).key().get(0));
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + l.joinTable() + " (" + l.joinOuter() + ", " + l.joinInner() + ") VALUES (" + outer.param() + ", "
                + inner.param() + ") ON CONFLICT DO NOTHING")) {
            Jdbc.bind(ps, 1, outer, parentValue.get(0));
            Jdbc.bind(ps, 2, inner, targetKey.get(0));
            ps.executeUpdate();
        }
        written.add(new Written(parent.type(), parentValue, false, false));
        written.add(new Written(l.target(), ids(targetKey), false, false));
    }

    private void unlink(Connection c, Model parent, String field, List<Object> parentValue, List<Object> targetKey) throws SQLException {
        FilterModel.Link l = link(parent, field);
        Column outer = column(parent.type(), parent.key().get(0));
        Column inner = column(l.target(), model(l.target()).key().get(0));
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + l.joinTable() + " WHERE " + l.joinOuter() + " = " + outer.param() + " AND " + l.joinInner() + " = "
                + inner.param())) {
            Jdbc.bind(ps, 1, outer, parentValue.get(0));
            Jdbc.bind(ps, 2, inner, targetKey.get(0));
            ps.executeUpdate();
        }
        written.add(new Written(parent.type(), parentValue, false, false));
        written.add(new Written(l.target(), ids(targetKey), false, false));
    }

    /** The key of the target row {@code which} selects among those linked to the parent (many-to-many); NOT_FOUND otherwise. */
    private List<Object> linkedKey(Connection c, Model parent, String field, List<Object> parentValue, Filter which, List<Object> path) throws SQLException {
        return related(c, parent, field, parentValue, which).orElseThrow(() -> notFound(link(parent, field).target(), path));
    }

    private Optional<List<Object>> related(Connection c, Model parent, String field, List<Object> parentValue, Filter which) throws SQLException {
        FilterModel.Link l = link(parent, field);
        Column outer = column(parent.type(), parent.key().get(0));
        String linked = "EXISTS (SELECT 1 FROM " + l.joinTable() + " AS \"j\" WHERE \"j\"." + l.joinInner() + " = " + api.filterModel(l.target()).table() + "."
                + l.innerColumn() + " AND \"j\"." + l.joinOuter() + " = " + outer.param() + ")";
        return findKey(c, l.target(), which, new Object[] {linked, outer, parentValue.get(0)});
    }

    private List<Object> keyWhere(Connection c, String type, Filter which, List<Object> path) throws SQLException {
        return findKey(c, type, which, null).orElseThrow(() -> notFound(type, path));
    }

    /** The values of {@code fields} of the row a unique input names, among the rows the caller may read. */
    private Optional<List<Object>> find(Connection c, String type, Object where, List<String> fields, List<Object> path) throws SQLException {
        return select(c, type, uniqueFilter(model(type), where, path), null, fields);
    }

    private Optional<List<Object>> findKey(Connection c, String type, Filter which, Object[] extra) throws SQLException {
        return select(c, type, which, extra, model(type).key());
    }

    /**
     * The {@code fields} of the one row {@code which} (and {@code extra}: SQL text, its parameter's column and value)
     * selects among the rows the caller may read; empty when there is none.
     */
    private Optional<List<Object>> select(Connection c, String type, Filter which, Object[] extra, List<String> fields) throws SQLException {
        FilterModel f = api.filterModel(type);
        SqlFilter.Compiled filter = SqlFilter.compile(which, f.allColumns(), f.table()).and(SqlFilter.compile(api.rule(type, principal), f.allColumns(), f.table()));
        String sql = "SELECT " + String.join(", ", fields.stream().map(x -> f.table() + "." + column(type, x).sql()).toList()) + " FROM " + f.table() + " WHERE "
                + filter.sql() + (extra == null ? "" : " AND " + extra[0]) + " LIMIT 1";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            for (Object[] p : filter.params()) Jdbc.bind(ps, i++, (Column) p[0], p[1]);
            if (extra != null) Jdbc.bind(ps, i, (Column) extra[1], extra[2]);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs, fields.size())) : Optional.empty();
            }
        }
    }

    /**
     * The values of {@code fields} (a foreign key) of the row with {@code key} as it is now, for an update's {@code update}
     * of the row it points at; null when it points at none (any of them null).
     */
    private List<Object> current(Connection c, Model m, List<Object> key, List<String> fields) throws SQLException {
        if (key == null) return null;
        List<Object> values = select(c, m.type(), matching(m.key(), key), null, fields).orElse(null);
        return values == null || values.contains(null) ? null : values;
    }

    private void mustStayVisible(Connection c, String type, List<Object> key) throws SQLException {
        Filter rule = api.rule(type, principal);
        if (rule.isAll()) return;
        Filter which = rule.andAlso(matching(model(type).key(), key));
        FilterModel f = api.filterModel(type);
        SqlFilter.Compiled filter = SqlFilter.compile(which, f.allColumns(), f.table());
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + f.table() + " WHERE " + filter.sql())) {
            int i = 1;
            for (Object[] p : filter.params()) Jdbc.bind(ps, i++, (Column) p[0], p[1]);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw ApiException.hiddenRow(type);
            }
        }
    }

    private Filter uniqueFilter(Model target, Object where, List<Object> path) {
        Map<String, Object> in = where == null ? Map.of() : Inputs.object(where);
        List<Filter> given = new ArrayList<>();
        for (String u : target.uniques()) if (in.get(u) != null) given.add(Filter.eq(u, in.get(u)));
        for (Map.Entry<String, List<String>> compound : target.compounds().entrySet()) {
            if (in.get(compound.getKey()) == null) continue;
            Map<String, Object> parts = Inputs.object(in.get(compound.getKey()));
            List<Object> values = new ArrayList<>();
            for (String f : compound.getValue()) {
                if (parts.get(f) == null) throw ApiException.badUserInput(at(path, compound.getKey()), "Pass every one of " + String.join(", ", compound.getValue()) + ".");
                values.add(parts.get(f));
            }
            given.add(matching(compound.getValue(), values));
        }
        if (given.size() != 1) throw ApiException.badUserInput(path, "Pass exactly one of " + String.join(", ", uniqueNames(target)) + ".");
        return given.get(0);
    }

    /** Rows whose {@code fields} equal {@code values}, in order. */
    private static Filter matching(List<String> fields, List<Object> values) {
        Filter which = Filter.ALL;
        for (int i = 0; i < fields.size(); i++) which = which.andAlso(Filter.eq(fields.get(i), values.get(i)));
        return which;
    }

    /** {@code row}'s values of {@code fields}, in order. */
    private static List<Object> values(Model m, Object row, List<String> fields) {
        List<Object> out = new ArrayList<>(fields.size());
        for (String f : fields) out.add(m.value().value(row, f));
        return out;
    }

    private static void put(Map<String, Object> out, List<String> fields, List<Object> values) {
        for (int i = 0; i < fields.size(); i++) out.put(fields.get(i), values.get(i));
    }

    private FilterModel.Link link(Model parent, String field) { return api.filterModel(parent.type()).relations().get(field); }

    private Column column(String type, String field) {
        Column col = api.filterModel(type).allColumns().get(field);
        if (col == null) throw new IllegalStateException("no column for " + type + "." + field);
        return col;
    }

    private Model model(String type) {
        Model m = api.writeModel(type);
        if (m == null) throw new IllegalStateException("no write model for " + type);
        return m;
    }

    private static Map<String, Object> scalars(Model m, Map<String, Object> input) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : input.entrySet()) if (!m.relations().containsKey(e.getKey())) out.put(e.getKey(), e.getValue());
        return out;
    }

    private static List<Object> key(Model m, Object row) { return values(m, row, m.key()); }

    /** The ids the cache knows a row by: its single key value, or the key's values. */
    private static List<Object> ids(List<Object> key) { return List.copyOf(key); }

    /** Values as the generated records hold them (a uuid as its text). */
    private static List<Object> row(ResultSet rs, int width) throws SQLException {
        List<Object> out = new ArrayList<>(width);
        for (int i = 1; i <= width; i++) {
            Object v = rs.getObject(i);
            out.add(v instanceof java.util.UUID u ? u.toString() : v);
        }
        return out;
    }

    private static ApiException notFound(String type, List<Object> path) {
        String message = "No " + type + " matches `" + String.join(".", path.stream().map(String::valueOf).toList()) + "` (that you may see).";
        return new ApiException("NOT_FOUND", message, List.of(new ApiException.Problem(path, message)), Map.of());
    }

    private static List<Object> list(Object value) {
        return value instanceof Collection<?> c ? new ArrayList<>(c) : List.of(value);
    }

    private static List<Object> at(List<Object> path, Object part) {
        List<Object> out = new ArrayList<>(path);
        out.add(part);
        return out;
    }
}
