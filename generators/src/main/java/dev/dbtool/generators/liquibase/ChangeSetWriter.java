package dev.dbtool.generators.liquibase;

import dev.dbtool.core.diff.SchemaChange;
import dev.dbtool.core.diff.SchemaDiff;
import dev.dbtool.generators.sql.PostgresDdl;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
        ChangeSet cs = new ChangeSet(id, author, false, false, path, null, null, log);
        cs.setComments(String.join("; ", diff.changes().stream().map(SchemaChange::describe).toList()));
        for (SchemaChange change : diff.changes()) {
            for (String sql : PostgresDdl.statements(change)) cs.addChange(sql(sql, change.describe()));
        }
        // One rollback change holding every inverse statement: Liquibase 4.33's YAML serializer nests a rollback of
        // several changes in a way its own parser rejects. Its statement splitter respects quotes and comments.
        List<String> undo = diff.rollback().stream().flatMap(c -> PostgresDdl.statements(c).stream()).toList();
        if (!undo.isEmpty()) {
            RawSQLChange rollback = new RawSQLChange(String.join(";\n", undo));
            rollback.setSplitStatements(true);
            rollback.setStripComments(false);
            cs.addRollbackChange(rollback);
        }
        return switch (format) {
            case YAML -> serialize(new YamlChangeLogSerializer(), cs);
            case XML -> serialize(new XMLChangeLogSerializer(), cs);
            case SQL -> formattedSql(cs, diff);
        };
    }

    private static RawSQLChange sql(String statement, String comment) {
        RawSQLChange c = new RawSQLChange(statement);
        c.setSplitStatements(false);
        c.setStripComments(false);
        c.setComment(comment);
        return c;
    }

    private static String serialize(liquibase.serializer.ChangeLogSerializer serializer, ChangeSet cs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            serializer.write(List.of(cs), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8).stripTrailing() + "\n";
    }

    /** Liquibase's formatted-SQL serializer writes no rollback, so {@code --rollback} lines follow its output. */
    private static String formattedSql(ChangeSet cs, SchemaDiff diff) {
        StringBuilder out = new StringBuilder("-- liquibase formatted sql\n\n");
        out.append(new FormattedSqlChangeLogSerializer().serialize(cs, true).stripTrailing()).append('\n');
        out.append("--comment: ").append(cs.getComments().replace('\n', ' ')).append('\n');
        for (SchemaChange change : diff.rollback()) {
            for (String sql : PostgresDdl.statements(change)) {
                for (String line : (sql + ";").split("\n")) out.append("--rollback ").append(line).append('\n');
            }
        }
        return out.toString();
    }
}
