package dev.dbtool.core.summary;

import dev.dbtool.core.model.EnumType;
import dev.dbtool.core.model.Field;
import dev.dbtool.core.model.Job;
import dev.dbtool.core.model.Model;
import dev.dbtool.core.model.RelationField;
import dev.dbtool.core.model.ScalarField;
import dev.dbtool.core.model.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Schema × schema → what changed, in words a commit message can use: models, fields (added, dropped, optional or
 * required, retyped), enums and their values, jobs. Dropping anything, making a field required or narrowing an enum
 * is breaking. A pure function, in schema order.
 */
public final class SchemaEdits {
    private SchemaEdits() {}

    public static List<SchemaEdit> between(Schema before, Schema after) {
        List<SchemaEdit> out = new ArrayList<>();
        Map<String, Model> old = index(before.models(), Model::name);
        Map<String, Model> now = index(after.models(), Model::name);
        for (Model m : after.models()) {
            Model was = old.get(m.name());
            if (was == null) out.add(new SchemaEdit("add " + (m.view() ? "view " : "model ") + m.name(), false));
            else fields(was, m, out);
        }
        for (Model m : before.models()) if (!now.containsKey(m.name())) out.add(new SchemaEdit("drop " + (m.view() ? "view " : "model ") + m.name(), true));
        Map<String, EnumType> oldEnums = index(before.enums(), EnumType::name);
        Map<String, EnumType> newEnums = index(after.enums(), EnumType::name);
        for (EnumType e : after.enums()) {
            EnumType was = oldEnums.get(e.name());
            if (was == null) {
                out.add(new SchemaEdit("add enum " + e.name(), false));
                continue;
            }
            List<String> a = values(was);
            List<String> b = values(e);
            for (String v : b) if (!a.contains(v)) out.add(new SchemaEdit("add value " + v + " to enum " + e.name(), false));
            for (String v : a) if (!b.contains(v)) out.add(new SchemaEdit("drop value " + v + " from enum " + e.name(), true));
        }
        for (EnumType e : before.enums()) if (!newEnums.containsKey(e.name())) out.add(new SchemaEdit("drop enum " + e.name(), true));
        Map<String, Job> oldJobs = index(before.jobs(), Job::name);
        Map<String, Job> newJobs = index(after.jobs(), Job::name);
        for (Job j : after.jobs()) {
            Job was = oldJobs.get(j.name());
            if (was == null) out.add(new SchemaEdit("add job " + j.name(), false));
            else if (!shape(was).equals(shape(j))) out.add(new SchemaEdit("change job " + j.name(), false));
        }
        for (Job j : before.jobs()) if (!newJobs.containsKey(j.name())) out.add(new SchemaEdit("drop job " + j.name(), true));
        return List.copyOf(out);
    }

    private static void fields(Model was, Model m, List<SchemaEdit> out) {
        for (Field f : m.fields()) {
            Field old = was.field(f.name()).orElse(null);
            String name = m.name() + "." + f.name();
            if (old == null) {
                boolean requiredWithoutDefault = f instanceof ScalarField s && s.isRequired() && s.defaultValue() == null && !s.updatedAt();
                out.add(new SchemaEdit("add field " + name, requiredWithoutDefault));
                continue;
            }
            if (old.arity() != f.arity()) {
                boolean toRequired = f.isRequired();
                out.add(new SchemaEdit("make " + name + (f.isList() ? " a list" : toRequired ? " required" : " optional"), toRequired || old.isList()));
            }
            if (old instanceof ScalarField a && f instanceof ScalarField b && !a.kind().equals(b.kind())) {
                out.add(new SchemaEdit("change type of " + name + " from " + a.kind().display() + " to " + b.kind().display(), true));
            }
            if (old instanceof ScalarField a && f instanceof ScalarField b && !Objects.equals(a.columnName(), b.columnName())) {
                out.add(new SchemaEdit("map " + name + " to column " + b.columnName(), true));
            }
            if (old instanceof RelationField a && f instanceof RelationField b && !a.targetModel().equals(b.targetModel())) {
                out.add(new SchemaEdit("point " + name + " at " + b.targetModel(), true));
            }
        }
        for (Field f : was.fields()) if (m.field(f.name()).isEmpty()) out.add(new SchemaEdit("drop field " + m.name() + "." + f.name(), true));
        if (!Objects.equals(was.tableName(), m.tableName())) out.add(new SchemaEdit("map model " + m.name() + " to table " + m.tableName(), true));
    }

    /** What a job is, without source positions. */
    private static String shape(Job j) {
        return j.queue() + "|" + j.attempts() + "|" + j.backoff() + "|" + j.backoffDelayMs() + "|" + j.concurrency() + "|" + j.timeoutMs() + "|"
                + j.fields().stream().map(f -> f.name() + ":" + f.kind().display() + f.arity().suffix()).collect(Collectors.joining(","));
    }

    private static List<String> values(EnumType e) { return e.values().stream().map(EnumType.EnumValue::name).toList(); }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> key) {
        return items.stream().collect(Collectors.toMap(key, x -> x, (a, b) -> a, java.util.LinkedHashMap::new));
    }
}
