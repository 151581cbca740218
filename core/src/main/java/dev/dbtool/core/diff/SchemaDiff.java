package dev.dbtool.core.diff;

import java.util.List;

/** The ordered changes from one database state to another, plus warnings about steps that may fail on existing rows. */
public record SchemaDiff(List<SchemaChange> changes, List<String> warnings) {
    public boolean isEmpty() { return changes.isEmpty(); }

    public List<SchemaChange> dataLoss() { return changes.stream().filter(SchemaChange::losesData).toList(); }

    /** The changes that undo this diff, in the order to run them. */
    public List<SchemaChange> rollback() {
        List<SchemaChange> out = new java.util.ArrayList<>();
        for (int i = changes.size() - 1; i >= 0; i--) out.add(changes.get(i).inverse());
        return out;
    }
}
