package dev.dbtool.generators.api;

import dev.dbtool.core.model.Model;
import dev.dbtool.core.model.Schema;
import java.util.Optional;

/**
 * Infers an operation's kind and model from its name when that is unambiguous: {@code users} lists User,
 * {@code user} gets one, {@code createUser} / {@code updateUser} / {@code deleteUser} write one row,
 * {@code createManyUsers} inserts many, {@code updateManyUsers} / {@code deleteManyUsers} write the rows a filter selects, {@code aggregateUser} / {@code groupByUser}
 * aggregates them, {@code userEvents} subscribes to their writes.
 */
public final class OperationNames {
    private OperationNames() {}

    public static Optional<OperationSpec> infer(Schema schema, String name) {
        for (Model m : schema.models()) {
            if (m.ignored()) continue;
            String single = Plurals.lowerFirst(m.name());
            if (name.equals(Plurals.lowerFirst(Plurals.of(m.name())))) return Optional.of(new OperationSpec(name, OperationKind.LIST, m.name()));
            if (name.equals(single)) return Optional.of(new OperationSpec(name, OperationKind.GET, m.name()));
            // a view is read only: list, get and aggregates are inferred, a write is not
            if (m.view()) {
                if (name.equals("aggregate" + m.name())) return Optional.of(new OperationSpec(name, OperationKind.AGGREGATE, m.name()));
                if (name.equals("groupBy" + m.name())) return Optional.of(new OperationSpec(name, OperationKind.GROUP_BY, m.name()));
                continue;
            }
            if (name.equals(single + "Events")) return Optional.of(new OperationSpec(name, OperationKind.EVENTS, m.name()));
            for (OperationKind k : new OperationKind[] {OperationKind.CREATE, OperationKind.UPDATE, OperationKind.DELETE, OperationKind.UPSERT, OperationKind.AGGREGATE,
                    OperationKind.GROUP_BY}) {
                if (name.equals(k.id() + m.name())) return Optional.of(new OperationSpec(name, k, m.name()));
            }
            for (OperationKind k : new OperationKind[] {OperationKind.UPDATE_MANY, OperationKind.DELETE_MANY, OperationKind.CREATE_MANY}) {
                if (name.equals(k.id() + Plurals.of(m.name()))) return Optional.of(new OperationSpec(name, k, m.name()));
            }
        }
        return Optional.empty();
    }

    /** The conventional name of an operation of {@code kind} on {@code model}. */
    public static String defaultName(OperationKind kind, String model) {
        return switch (kind) {
            case LIST -> Plurals.lowerFirst(Plurals.of(model));
            case GET -> Plurals.lowerFirst(model);
            case EVENTS -> Plurals.lowerFirst(model) + "Events";
            case UPDATE_MANY, DELETE_MANY, CREATE_MANY -> kind.id() + Plurals.of(model);
            default -> kind.id() + model;
        };
    }
}
