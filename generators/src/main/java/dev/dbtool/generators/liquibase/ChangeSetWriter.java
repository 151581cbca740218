package dev.dbtool.generators.liquibase;

import dev.dbtool.core.diff.SchemaChange;
import dev.dbtool.core.diff.SchemaDiff;
import dev.dbtool.generators.sql.PostgresDdl;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import liquibase.change.core.RawSQLChange;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.serializer.core.formattedsql.FormattedSqlChangeLogSerializer;
import liquibase.serializer.core.xml.XMLChangeLogSerializer;
import liquibase.serializer.core.yaml.YamlChangeLogSerializer;

/**
 * One diff → one changelog file holding one Liquibase changeset, built from Liquibase's own change objects and
 * written by its serializers. Each statement is an {@code sql} change (dbtool writes the DDL itself so the catalog
 * matches {@code prisma migrate}'s); the rollback holds the inverse statements in reverse order.
 */
public final class ChangeSetWriter {
    private ChangeSetWriter() {}

    public static String write(SchemaDiff diff, String id, String author, ChangelogFormat format, String path) {
        DatabaseChangeLog log = new DatabaseChangeLog(path);
        List<ChangeSet> changeSets = new ArrayList<>();
        for (Part part : split(diff, id)) changeSets.add(changeSet(part, author, path, log));
        return switch (format) {
            case YAML -> serialize(new YamlChangeLogSerializer(), changeSets);
            case XML -> serialize(new XMLChangeLogSerializer(), changeSets);
            case SQL -> formattedSql(changeSets, split(diff, id));
        };
    }

    private record Part(String id, List<SchemaChange> changes) {
        List<SchemaChange> rollback() {
            List<SchemaChange> out = new ArrayList<>();
            for (int i = changes.size() - 1; i >= 0; i--) out.add(changes.get(i).inverse());
            return out;
        }
    }

    /**
     * New enum values must be committed before anything may use them (PostgreSQL refuses "unsafe use of new value"),
     * so they go in a changeset of their own, {@code ID-enum-values}, that runs (and commits) first.
     */
    private static List<Part> split(SchemaDiff diff, String id) {
        List<SchemaChange> values = diff.changes().stream().filter(c -> c instanceof SchemaChange.AddEnumValues).toList();
        if (values.isEmpty() || values.size() == diff.changes().size()) return List.of(new Part(id, diff.changes()));
        List<SchemaChange> rest = diff.changes().stream().filter(c -> !(c instanceof SchemaChange.AddEnumValues)).toList();
        return List.of(new Part(id + "-enum-values", values), new Part(id, rest));
    }

    private static ChangeSet changeSet(Part part, String author, String path, DatabaseChangeLog log) {
        ChangeSet cs = new ChangeSet(part.id(), author, false, false, path, null, null, log);
        cs.setComments(String.join("; ", part.changes().stream().map(SchemaChange::describe).toList()));
        for (SchemaChange change : part.changes()) {
            for (String sql : PostgresDdl.statements(change)) cs.addChange(sql(sql, change.describe()));
        }
        // One rollback change holding every inverse statement: Liquibase 4.33's YAML serializer nests a rollback of
        // several changes in a way its own parser rejects. Its statement splitter respects quotes and comments.
        List<String> undo = undo(part);
        if (!undo.isEmpty()) {
            RawSQLChange rollback = new RawSQLChange(String.join(";\n", undo));
            rollback.setSplitStatements(true);
            rollback.setStripComments(false);
            cs.addRollbackChange(rollback);
        }
        return cs;
    }

    private static List<String> undo(Part part) {
        return part.rollback().stream().flatMap(c -> PostgresDdl.statements(c).stream()).toList();
    }

    private static RawSQLChange sql(String statement, String comment) {
        RawSQLChange c = new RawSQLChange(statement);
        c.setSplitStatements(false);
        c.setStripComments(false);
        c.setComment(comment);
        return c;
    }

    private static String serialize(liquibase.serializer.ChangeLogSerializer serializer, List<ChangeSet> changeSets) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            serializer.write(changeSets, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8).stripTrailing() + "\n";
    }

    /** Liquibase's formatted-SQL serializer writes no rollback, so {@code --rollback} lines follow its output. */
    private static String formattedSql(List<ChangeSet> changeSets, List<Part> parts) {
        StringBuilder out = new StringBuilder("-- liquibase formatted sql\n");
        for (int i = 0; i < changeSets.size(); i++) {
            ChangeSet cs = changeSets.get(i);
            out.append('\n').append(new FormattedSqlChangeLogSerializer().serialize(cs, true).stripTrailing()).append('\n');
            out.append("--comment: ").append(cs.getComments().replace('\n', ' ')).append('\n');
            for (String sql : undo(parts.get(i))) {
                for (String line : (sql + ";").split("\n")) out.append("--rollback ").append(line).append('\n');
            }
        }
        return out.toString();
    }
}
